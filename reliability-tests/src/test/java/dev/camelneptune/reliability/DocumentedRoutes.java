package dev.camelneptune.reliability;

import java.nio.file.Path;

import dev.camelneptune.stream.state.AtomicFileStateRepository;
import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of README.md and the component pages that point at real AWS (a Neptune cluster, Neptune Analytics): each
 * page renders its snippet from the tagged part here, and {@link DocumentedRoutesTest} creates every endpoint, so a
 * documented option that does not exist or breaks a rule fails the build. (What they do is tested against neptune-local
 * by the components' own tests with the same options.)
 */
class DocumentedRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // tag::default-credentials[]
        from("timer:tasks?repeatCount=1")
                .to("neptune-graph:tasks?operation=listImportTasks&allPages=true"
                    + "&region=eu-west-1&useDefaultCredentialsProvider=true")
                .log("${body}");

        from("neptune-stream:my-cluster.cluster-abc123.eu-west-1.neptune.amazonaws.com"
             + "?region=eu-west-1&useDefaultCredentialsProvider=true&iteratorType=TRIM_HORIZON")
                .log("${header.CamelNeptuneStreamOp} ${body}");
        // end::default-credentials[]

        // tag::iam[]
        from("neptune-stream:my-cluster.cluster-abc123.eu-west-1.neptune.amazonaws.com:8182"
             + "?region=eu-west-1&useDefaultCredentialsProvider=true&offsetRepository=#offsets&offsetKey=orders")
                .to("log:changes");
        // end::iam[]

        // tag::no-iam[]
        from("neptune-stream:my-cluster.cluster-abc123.eu-west-1.neptune.amazonaws.com"
             + "?region=eu-west-1&useAnonymousCredentials=true&iteratorType=TRIM_HORIZON")
                .to("log:changes");
        // end::no-iam[]

        // tag::proxy[]
        from("neptune-stream:my-cluster.cluster-abc123.eu-west-1.neptune.amazonaws.com"
             + "?region=eu-west-1&useDefaultCredentialsProvider=true"
             + "&proxyHost=proxy.internal.example.com&proxyPort=3128&proxyProtocol=HTTP")
                .to("log:changes");
        // end::proxy[]

        // tag::profile[]
        from("neptune-stream:my-cluster.cluster-abc123.eu-west-1.neptune.amazonaws.com"
             + "?region=eu-west-1&useProfileCredentialsProvider=true&profileCredentialsName=neptune-reader")
                .to("log:changes");
        // end::profile[]

        // tag::wait-for-import[]
        from("direct:follow")
                .setHeader("CamelNeptuneGraphTaskIdentifier", body())
                .to("neptune-graph:tasks?operation=getImportTask&region=us-east-1&useDefaultCredentialsProvider=true")
                .log("import ${header.CamelNeptuneGraphTaskIdentifier} is ${header.CamelNeptuneGraphTaskStatus}")
                .to("neptune-graph:tasks?operation=waitForImportTask&waitPollInterval=30s&waitTimeout=2h"
                    + "&region=us-east-1&useDefaultCredentialsProvider=true");
        // end::wait-for-import[]

        // tag::file-position[]
        AtomicFileStateRepository positions = new AtomicFileStateRepository(Path.of("data/neptune-stream.offsets"));
        positions.setFlushInterval(0); // each position written before the next record: a kill repeats at most one
        bindToRegistry("positions", positions);

        from("neptune-stream:my-cluster.cluster-abc.us-east-1.neptune.amazonaws.com?region=us-east-1"
             + "&useDefaultCredentialsProvider=true&offsetRepository=#positions&offsetKey=orders-to-search")
                .to("log:changes");
        // end::file-position[]

        // tag::sparql[]
        from("neptune-stream:my-cluster.cluster-abc.us-east-1.neptune.amazonaws.com?streamType=sparql"
             + "&iteratorType=AT_SEQUENCE_NUMBER&commitNum=1200&region=us-east-1&useDefaultCredentialsProvider=true")
                .to("log:rdf-changes");
        // end::sparql[]
    }
}
