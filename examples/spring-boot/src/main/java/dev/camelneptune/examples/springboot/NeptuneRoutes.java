package dev.camelneptune.examples.springboot;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The routes: no component options in their URIs, all of them come from application.properties. */
@Component
public class NeptuneRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:import-tasks?repeatCount=1")
                .routeId("import-tasks")
                .to("neptune-graph:tasks?operation=listImportTasks")
                .log(LoggingLevel.INFO, "import", "${body.tasks().size()} import tasks: ${body.tasks()}");

        from("neptune-stream:{{neptune.stream.endpoint}}")
                .routeId("change-log")
                .log(LoggingLevel.INFO, "changes", "#${header.CamelNeptuneStreamCommitNum}.${header.CamelNeptuneStreamOpNum}"
                        + " ${header.CamelNeptuneStreamOp} ${header.CamelNeptuneStreamElementType}"
                        + " ${header.CamelNeptuneStreamElementId}");
    }
}
