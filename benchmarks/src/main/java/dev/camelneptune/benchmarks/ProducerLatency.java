package dev.camelneptune.benchmarks;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import dev.camelneptune.graph.NeptuneGraphConstants;
import dev.camelneptune.local.NeptuneLocal;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;

/**
 * {@code getImportTask} through a route ({@code direct -> neptune-graph}) against the same SDK call made directly, on
 * one client and one neptune-local. The two sides alternate every {@value #BLOCK} calls (in alternating order), so a
 * burst of load from elsewhere on the machine lands on both; a round's figure for each side is the sum of its blocks.
 */
final class ProducerLatency {

    private static final int BLOCK = 20;

    private ProducerLatency() {
    }

    static AbRun.Timings run(NeptuneLocal neptune, int calls, int warmups, int rounds) throws Exception {
        String taskId = neptune.tasks().createImportTasks(1).get(0);
        try (NeptuneGraphClient client = Local.graphClient(neptune.endpoint());
             CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("neptuneGraphClient", client);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:getImportTask")
                            .to("neptune-graph:tasks?operation=getImportTask&region=us-east-1");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            GetImportTaskRequest request = GetImportTaskRequest.builder().taskIdentifier(taskId).build();
            Runnable raw = () -> check(client.getImportTask(request), taskId);
            Runnable route = () -> check(template.requestBodyAndHeader("direct:getImportTask", null,
                    NeptuneGraphConstants.TASK_IDENTIFIER, taskId, GetImportTaskResponse.class), taskId);
            return AbRun.runInterleaved("getImportTask x" + calls, List.of("raw SDK", "route"), warmups, rounds, () -> {
                long[] nanos = new long[2];
                for (int block = 0; block * BLOCK < calls; block++) {
                    int first = block % 2;
                    nanos[first] += timeBlock(first == 0 ? raw : route);
                    nanos[1 - first] += timeBlock(first == 0 ? route : raw);
                }
                return nanos;
            });
        }
    }

    private static long timeBlock(Runnable call) {
        long start = System.nanoTime();
        for (int i = 0; i < BLOCK; i++) {
            call.run();
        }
        return System.nanoTime() - start;
    }

    private static void check(GetImportTaskResponse response, String taskId) {
        if (!taskId.equals(response.taskId())) {
            throw new IllegalStateException("got task " + response.taskId() + ", asked for " + taskId);
        }
    }
}
