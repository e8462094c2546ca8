package dev.camelneptune.kamelets;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.local.NeptuneLocal;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.apache.camel.builder.Builder.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's YAML routes (src/test/resources/kamelet-routes.yaml): both Kamelets from the YAML DSL, no Java. */
class KameletYamlRoutesTest extends CamelTestSupport {

    private final NeptuneLocal neptune = NeptuneLocal.start();

    @Override
    protected void doPostTearDown() {
        context.stop();
        neptune.close();
    }

    @Test
    void theReadmeRoutesReadTheChangesAndListTheImportTasks() throws Exception {
        neptune.stream().propertyGraph().commit(tx -> tx.addVertex("alice", "person", Map.of("name", "Alice")));
        neptune.tasks().createImportTasks(3);
        NotifyBuilder changes = new NotifyBuilder(context).fromRoute("changes").whenExactlyCompleted(2)
                .whenAllDoneMatches(body().contains("\"eventId\":{\"commitNum\":1,")).create();
        NotifyBuilder tasks = new NotifyBuilder(context).fromRoute("import-tasks").whenExactlyCompleted(1)
                .whenAllDoneMatches(body().isEqualTo("3 import tasks")).create();

        context.getPropertiesComponent().addOverrideProperty("neptune.endpoint", neptune.endpoint().toString());
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:kamelet-routes.yaml"));

        assertThat(changes.matches(10, TimeUnit.SECONDS)).as("both records of the commit, as JSON").isTrue();
        assertThat(tasks.matches(10, TimeUnit.SECONDS)).as("the three import tasks").isTrue();
    }
}
