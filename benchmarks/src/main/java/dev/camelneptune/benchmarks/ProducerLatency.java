package dev.camelneptune.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import dev.camelneptune.graph.NeptuneGraphConstants;
import dev.camelneptune.local.NeptuneLocal;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;

/**
 * {@code getImportTask} through a route ({@code direct -> neptune-graph}) against the same SDK call made directly, on
 * one client and one neptune-local, three ways: with the endpoint URI given on each call (as before), with the
 * {@code Endpoint} resolved once (as a route's own {@code to} has it), and resolved once into a route with stream
 * caching off. The arms take turns every {@value #BLOCK} calls (in rotating order), so a burst of load from elsewhere
 * on the machine lands on all; a round's figure for each arm is the sum of its blocks. Besides the wall time, each
 * arm's CPU time on the calling thread is kept (indices {@code ARMS + arm}): the Camel and SDK work of a call runs
 * there, so that figure is much less moved by the load of other processes than the wall time is.
 */
final class ProducerLatency {

    private static final int BLOCK = 20;
    static final int ARMS = 4;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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
                    from("direct:getImportTaskNoStreamCache").streamCache("false")
                            .to("neptune-graph:tasks?operation=getImportTask&region=us-east-1");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            Endpoint direct = camel.getEndpoint("direct:getImportTask");
            GetImportTaskRequest request = GetImportTaskRequest.builder().taskIdentifier(taskId).build();
            Runnable raw = () -> check(client.getImportTask(request), taskId);
            Runnable route = () -> check(template.requestBodyAndHeader("direct:getImportTask", null,
                    NeptuneGraphConstants.TASK_IDENTIFIER, taskId, GetImportTaskResponse.class), taskId);
            Runnable resolved = () -> check(template.requestBodyAndHeader(direct, null,
                    NeptuneGraphConstants.TASK_IDENTIFIER, taskId, GetImportTaskResponse.class), taskId);
            Endpoint directNoStreamCache = camel.getEndpoint("direct:getImportTaskNoStreamCache");
            Runnable noStreamCache = () -> check(template.requestBodyAndHeader(directNoStreamCache, null,
                    NeptuneGraphConstants.TASK_IDENTIFIER, taskId, GetImportTaskResponse.class), taskId);
            List<Runnable> arms = List.of(raw, route, resolved, noStreamCache);
            return AbRun.runInterleaved("getImportTask x" + calls, List.of("raw", "route", "resolved", "resolved+noStreamCache",
                    "raw cpu", "route cpu", "resolved cpu", "resolved+noStreamCache cpu"), warmups, rounds, () -> {
                        long[] nanos = new long[2 * ARMS];
                        for (int block = 0; block * BLOCK < calls; block++) {
                            for (int k = 0; k < ARMS; k++) {
                                int arm = (block + k) % ARMS;
                                long cpu = THREADS.getCurrentThreadCpuTime();
                                nanos[arm] += timeBlock(arms.get(arm));
                                nanos[ARMS + arm] += THREADS.getCurrentThreadCpuTime() - cpu;
                            }
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
