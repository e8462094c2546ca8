package dev.camelneptune.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's routes in Java DSL; {@code routes/neptune-demo.xml} and {@code routes/neptune-demo.yaml} are the same
 * routes in XML and YAML DSL.
 * <ol>
 * <li>{@code import-task}: lists the import tasks, starts one, and follows it to its end, logging each move of its
 * status and {@code progressPercentage}.</li>
 * <li>{@code change-log}: follows the change stream from {@code TRIM_HORIZON}, prints each change as one line (at most
 * {@code demo.linesPerCommit} per transaction), and one summary per transaction when its last operation
 * ({@code isLastOp}) has gone by.</li>
 * <li>{@code throughput}: every {@code demo.throughputPeriod} ms, how many changes went by, while there are any.</li>
 * </ol>
 */
public class NeptuneDemoRoutes extends RouteBuilder {

    @Override
    public void configure() {
        bindToRegistry("changeLine", new ChangeLine());
        bindToRegistry("transactionSummary", new TransactionSummary());
        bindToRegistry("throughput", new Throughput());

        from("timer:import-task?repeatCount=1")
                .routeId("import-task")
                .autoStartup("{{demo.import.enabled}}")
                .to("neptune-graph:tasks?operation=listImportTasks&allPages=true")
                .split(body())
                    .setBody(simple("task ${body.taskId()} on ${body.graphId()}: ${body.statusAsString()}"))
                    .to("log:import?plain=true")
                .end()
                .to("neptune-graph:tasks?operation=startImportTask&graphIdentifier={{neptune.import.graphIdentifier}}"
                    + "&source={{neptune.import.source}}&roleArn={{neptune.import.roleArn}}&format={{neptune.import.format}}")
                .setHeader("CamelNeptuneGraphTaskIdentifier", simple("${body.taskId()}"))
                .setBody(simple("started ${body.taskId()} on ${body.graphId()}: ${body.statusAsString()}"))
                .to("log:import?plain=true")
                .loopDoWhile(simple("${header.CamelNeptuneGraphTaskStatus} !in 'SUCCEEDED,FAILED,CANCELLED'"))
                    .delay(simple("{{demo.import.pollPeriod}}"))
                    .to("neptune-graph:tasks?operation=getImportTask")
                    .setVariable("progress", simple("${body.statusAsString()} ${body.importTaskDetails()?.progressPercentage()}%"))
                    .filter(simple("${variable.progress} != ${variable.lastProgress}"))
                        .setVariable("lastProgress", variable("progress"))
                        .setBody(simple("task ${header.CamelNeptuneGraphTaskIdentifier}: ${variable.progress}"))
                        .to("log:import?plain=true")
                    .end()
                .end()
                // the waiter fails the exchange with the task's status and reason unless it SUCCEEDED
                .to("neptune-graph:tasks?operation=waitForImportTask&waitPollInterval=1000&waitTimeout=10000")
                .setBody(simple("task ${header.CamelNeptuneGraphTaskIdentifier} ${header.CamelNeptuneGraphTaskStatus}"))
                .to("log:import?plain=true");

        from("neptune-stream:{{neptune.stream.endpoint}}?iteratorType=TRIM_HORIZON&limit={{neptune.stream.limit}}")
                .routeId("change-log")
                .bean("transactionSummary", "add")
                .filter(simple("${header.CamelNeptuneStreamOpNum} <= {{demo.linesPerCommit}}"))
                    .bean("changeLine", "format")
                    .to("log:changes?plain=true")
                .end()
                .filter(header("CamelNeptuneStreamIsLastOp").isEqualTo(true))
                    .bean("transactionSummary", "complete")
                    .to("log:transactions?plain=true")
                .end()
                .bean("throughput", "record");

        from("timer:throughput?period={{demo.throughputPeriod}}")
                .routeId("throughput")
                .setBody(method("throughput", "report"))
                .filter(body().isNotNull())
                    .to("log:throughput?plain=true")
                .end();
    }
}
