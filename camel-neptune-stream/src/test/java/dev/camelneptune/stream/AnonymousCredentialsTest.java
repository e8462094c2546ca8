package dev.camelneptune.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelneptune.local.NeptuneLocal;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code useAnonymousCredentials}: a cluster without IAM authentication is read with unsigned requests and no keys. */
class AnonymousCredentialsTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private NeptuneLocal neptune;
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        neptune.close();
    }

    @Test
    void readsTheStreamWithNoCredentialsAtAll() throws Exception {
        neptune = NeptuneLocal.start();
        neptune.stream().propertyGraph().commit(tx -> tx.addVertex("v1", "person", java.util.Map.of("name", "alice")));

        consume("neptune-stream:" + neptune.endpoint() + "?useAnonymousCredentials=true&region=us-east-1&delay=20");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received).containsExactly("1:1", "1:2");
    }

    @Test
    void sendsRequestsUnsignedSoAClusterThatRequiresIamRejectsThem() throws Exception {
        neptune = NeptuneLocal.builder().requireSigV4().start();
        neptune.stream().propertyGraph().commit(tx -> tx.addVertex("v1", "person"));

        consume("neptune-stream:" + neptune.endpoint() + "?useAnonymousCredentials=true&region=us-east-1&delay=20");

        // the same stream signed with keys is served (SecurityTest); unsigned, every poll is refused
        await().atMost(Duration.ofSeconds(10)).until(() -> neptune.requestCount() >= 3);
        assertThat(received).isEmpty();
    }

    @Test
    void cannotBeCombinedWithCredentials() {
        neptune = NeptuneLocal.start();
        context = new DefaultCamelContext();
        context.start();

        assertThatThrownBy(() -> context.getEndpoint("neptune-stream:" + neptune.endpoint()
                                                     + "?useAnonymousCredentials=true&useDefaultCredentialsProvider=true"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("useAnonymousCredentials").hasMessageContaining("cannot be combined");
    }

    private void consume(String uri) throws Exception {
        context = new DefaultCamelContext();
        NeptuneStreamTestSupport.useParserUnderTest(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> received.add(e.getMessage().getHeader(NeptuneStreamConstants.COMMIT_NUM) + ":"
                                                    + e.getMessage().getHeader(NeptuneStreamConstants.OP_NUM)));
            }
        });
        context.start();
    }
}
