package dev.camelneptune.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.local.stream.PropertyGraphStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * A CamelContext whose neptune-stream component talks to a fresh neptune-local over HTTP, through the real
 * NeptunedataClient the component builds.
 */
abstract class NeptuneStreamTestSupport extends CamelTestSupport {

    protected final NeptuneLocal neptune = NeptuneLocal.start();
    protected final PropertyGraphStream graph = neptune.stream().propertyGraph();
    /** What the route processed successfully, as commitNum:opNum, in order. */
    protected final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        useTestCredentials(context);
        useParserUnderTest(context);
        return context;
    }

    /**
     * Sets the page parser the system property {@code neptune.stream.test.streamingParser} names, when it is set: the
     * module's second test run sets it to the parser that is not the default, so that every consumer test runs with
     * both the SDK's parser and the one-pass parser.
     */
    static void useParserUnderTest(CamelContext context) {
        String streamingParser = System.getProperty("neptune.stream.test.streamingParser");
        if (streamingParser != null) {
            context.getComponent("neptune-stream", NeptuneStreamComponent.class).getConfiguration()
                    .setStreamingParser(Boolean.parseBoolean(streamingParser));
        }
    }

    /** neptune-local does not check signatures, but the SDK needs a region and credentials to sign with. */
    static void useTestCredentials(CamelContext context) {
        NeptuneStreamComponent component = context.getComponent("neptune-stream", NeptuneStreamComponent.class);
        component.getConfiguration().setRegion("us-east-1");
        component.getConfiguration().setAccessKey("test-access-key");
        component.getConfiguration().setSecretKey("test-secret-key");
    }

    /** Stops the routes before the server they read from, so no poll fails on the way out. */
    @Override
    protected void doPostTearDown() {
        context.stop();
        neptune.close();
    }

    /** A neptune-stream URI for neptune-local that polls every 20 ms. */
    protected String streamUri(String options) {
        return "neptune-stream:" + neptune.endpoint() + "?delay=20" + (options.isEmpty() ? "" : "&" + options);
    }

    /**
     * Starts route {@code stream} from {@code uri}, whose processing of the record at {@code failAt} throws until
     * {@code downstreamUp} is set: every try is added to {@code attempts}, every success to {@link #received}.
     */
    protected void consumeFailingAt(String uri, String failAt, AtomicBoolean downstreamUp, List<String> attempts)
            throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("stream").process(e -> {
                    String position = position(e);
                    attempts.add(position);
                    if (position.equals(failAt) && !downstreamUp.get()) {
                        throw new IllegalStateException("downstream unavailable");
                    }
                    received.add(position);
                });
            }
        });
    }

    /** Starts route {@code stream} from {@code uri}, recording each record's position in {@link #received}. */
    protected void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("stream").process(e -> received.add(position(e)));
            }
        });
    }

    static String position(Exchange exchange) {
        return exchange.getMessage().getHeader(NeptuneStreamConstants.COMMIT_NUM) + ":"
               + exchange.getMessage().getHeader(NeptuneStreamConstants.OP_NUM);
    }

    /** Commits {@code count} transactions of one person vertex with a name: two records each (vl, vp). */
    protected void commitPeople(int count) {
        for (int i = 0; i < count; i++) {
            String id = "person-" + graph.lastCommitNum() + "-" + i;
            graph.commit(tx -> tx.addVertex(id, "person", Map.of("name", id)));
        }
    }

    /** The positions {@code commitPeople} writes for commits {@code from..to}: c:1 and c:2 each. */
    static List<String> positionsOfPeople(long from, long to) {
        List<String> positions = new java.util.ArrayList<>();
        for (long c = from; c <= to; c++) {
            positions.add(c + ":1");
            positions.add(c + ":2");
        }
        return positions;
    }
}
