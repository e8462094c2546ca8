package com.example;

import java.nio.file.Path;

import dev.camelneptune.stream.state.AtomicFileStateRepository;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/** Camel Main with two routes: the import tasks of Neptune Analytics, and a Neptune cluster's change log. */
public class NeptuneApp extends RouteBuilder {

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        // where the change log's position is kept between runs
        main.bind("offsets", new AtomicFileStateRepository(Path.of("neptune-offsets.properties")));
        main.configure().addRoutesBuilder(new NeptuneApp());
        main.run(args);
    }

    @Override
    public void configure() {
        // tag::graph-route[]
        // every import task, all pages
        from("timer:tasks?repeatCount=1").routeId("import-tasks")
                .to("neptune-graph:tasks?operation=listImportTasks&allPages=true"
                    + "&region={{neptune.region}}&accessKey={{neptune.accessKey}}&secretKey={{neptune.secretKey}}"
                    + "&overrideEndpoint=true&uriEndpointOverride={{neptune.url}}")
                .split(body())
                .log("import task ${body}");
        // end::graph-route[]

        // tag::stream-route[]
        // every change record in order, from the oldest; after a restart, from the last one processed
        from("neptune-stream:{{neptune.url}}?iteratorType=TRIM_HORIZON&offsetRepository=#offsets&offsetKey=changes"
             + "&region={{neptune.region}}&accessKey={{neptune.accessKey}}&secretKey={{neptune.secretKey}}")
                .routeId("changes")
                .log("${header.CamelNeptuneStreamCommitNum}:${header.CamelNeptuneStreamOpNum} ${body}");
        // end::stream-route[]
    }
}
