package dev.camelneptune.local;

import java.time.Duration;
import java.util.Map;

import dev.camelneptune.local.tasks.NewTask;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.ThrottlingException;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java example at the top of neptune-local/README.md, rendered from here, does what its comments say. */
class ReadmeExampleTest {

    @Test
    void theEmbeddedExampleOfTheReadmeDoesWhatItSays() {
        // tag::embedded[]
        NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();    // close() it when done
        neptune.graphs().create("g-0123456789");                                // empty and AVAILABLE
        String task = neptune.tasks().create(NewTask.importTask().graph("g-0123456789"));
        neptune.clock().advance(Duration.ofMinutes(1));                          // the task moves on with the clock
        neptune.stream().propertyGraph().commit(tx -> tx.addVertex("alice", "person", Map.of("name", "Alice")));
        neptune.faults().throttleNext(2);                                        // the next two requests are throttled
        // NeptuneGraphClient / NeptunedataClient .endpointOverride(neptune.endpoint())
        // end::embedded[]
        try (neptune;
             NeptunedataClient data = LocalClients.data(neptune);
             NeptuneGraphClient graph = LocalClients.graph(neptune)) {
            for (int i = 0; i < 2; i++) {
                // LocalClients do not retry: each throttled request fails
                assertThatThrownBy(() -> data.getPropertygraphStream(b -> b.iteratorType(IteratorType.TRIM_HORIZON)))
                        .isInstanceOf(ThrottlingException.class);
            }
            GetPropertygraphStreamResponse page
                    = data.getPropertygraphStream(b -> b.iteratorType(IteratorType.TRIM_HORIZON));
            assertThat(page.records()).extracting(r -> r.data().id()).containsOnly("alice");
            assertThat(graph.getImportTask(b -> b.taskIdentifier(task)).status())
                    .isNotEqualTo(ImportTaskStatus.INITIALIZING);
        }
    }
}
