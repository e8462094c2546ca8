package dev.camelneptune.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.stream.NeptuneStreamConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;

/**
 * A CamelContext with Camel's consumer health checks, every log line kept in {@link #captured}, and a neptune-local
 * (made by {@link #startNeptune()} before the context) that is closed after the routes have stopped.
 */
abstract class NeptuneLocalCamelTestSupport extends CamelTestSupport {

    protected NeptuneLocal neptune;
    /** What route {@code stream} processed, as commitNum:opNum, in order. */
    protected final List<String> received = new CopyOnWriteArrayList<>();
    protected ListAppender captured;

    /** The neptune-local this test talks to. */
    protected abstract NeptuneLocal startNeptune();

    @Override
    protected void doPreSetup() throws Exception {
        neptune = startNeptune();
        captured = LoggerContext.getContext(false).getConfiguration().getAppender("captured");
        captured.clear();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry.get(context).register(new ConsumersHealthCheckRepository());
        return context;
    }

    @Override
    protected void doPostTearDown() {
        context.stop();
        neptune.close();
    }

    /** Starts route {@code stream} from {@code uri}, recording each record's position in {@link #received}. */
    protected void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("stream").process(e -> received.add(
                        e.getMessage().getHeader(NeptuneStreamConstants.COMMIT_NUM) + ":"
                                                                      + e.getMessage()
                                                                              .getHeader(NeptuneStreamConstants.OP_NUM)));
            }
        });
    }

    /** The readiness of route {@code stream}'s consumer. */
    protected HealthCheck.Result health() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:stream")).findFirst().orElseThrow();
    }
}
