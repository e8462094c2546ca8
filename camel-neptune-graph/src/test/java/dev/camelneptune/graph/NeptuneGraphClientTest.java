package dev.camelneptune.graph;

import java.util.Map;

import dev.camelneptune.local.tasks.NewTask;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksResponse;

import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the client comes from, who closes it, and the SDK retry policy it brings. */
class NeptuneGraphClientTest extends NeptuneGraphTestSupport {

    @Test
    void theSdkRetriesThroughAThrottlingBurst() {
        String id = neptune.tasks().create(NewTask.importTask());
        neptune.faults().throttleNext(2);
        long before = neptune.requestCount();

        Exchange exchange = send(uri("getImportTask"), Map.of(TASK_IDENTIFIER, id));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(NeptuneGraphConstants.TASK_STATUS)).isEqualTo("INITIALIZING");
        assertThat(neptune.requestCount() - before).as("two throttled attempts, then the answer").isEqualTo(3);
    }

    @Test
    void anAutowiredClientIsUsedAndNotClosedWithTheEndpoint() throws Exception {
        try (NeptuneGraphClient own = NeptuneGraphClient.builder().endpointOverride(neptune.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("own", "own"))).build()) {
            context.getRegistry().bind("myClient", own);
            NeptuneGraphEndpoint endpoint = context.getEndpoint("neptune-graph:own?operation=listImportTasks",
                    NeptuneGraphEndpoint.class);
            endpoint.start();

            assertThat(endpoint.getClient()).isSameAs(own);
            assertThat(template.requestBody(endpoint, null, ListImportTasksResponse.class).tasks()).isEmpty();
            endpoint.stop();
            assertThat(own.listImportTasks(r -> {
            }).tasks()).as("still usable after the endpoint stopped").isEmpty();
        }
    }

    @Test
    void aClientTheEndpointBuiltIsClosedWhenItStops() {
        NeptuneGraphEndpoint endpoint = context.getEndpoint(uri("listImportTasks"), NeptuneGraphEndpoint.class);
        endpoint.start();
        NeptuneGraphClient built = endpoint.getClient();
        assertThat(built.listImportTasks(r -> {
        }).tasks()).isEmpty();

        endpoint.stop();

        assertThatThrownBy(() -> built.listImportTasks(r -> {
        })).isInstanceOf(IllegalStateException.class);
    }
}
