package dev.camelneptune.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Java DSL: reads one import task and logs its status, every {@code neptune.import.poll-period} ms. The component's
 * region, endpoint and credentials come from application.properties only.
 */
@ApplicationScoped
public class ImportTaskRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:import-task?period={{neptune.import.poll-period}}")
                .routeId("import-task")
                .to("neptune-graph:tasks?operation=getImportTask&taskIdentifier={{neptune.import.task-id}}")
                .log(LoggingLevel.INFO, "import", "import task {{neptune.import.task-id}}:"
                        + " ${header.CamelNeptuneGraphTaskStatus}");
    }
}
