package dev.camelneptune.stream;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The two ways to name where requests go: the path names the cluster (and the default offsetKey); with
 * overrideEndpoint=true the requests go to uriEndpointOverride instead (a tunnel, proxy or load balancer in front of
 * the cluster) and the position stays under the cluster's key. uriEndpointOverride alone changes nothing, as in Camel's
 * AWS components.
 */
class NeptuneStreamEndpointAddressTest extends NeptuneStreamTestSupport {

    /** A host that never resolves (RFC 2606), so a request sent there fails. */
    private static final String CLUSTER = "https://my-cluster.invalid:8182";

    private final MemoryStateRepository offsets = new MemoryStateRepository();

    @BeforeEach
    void twoCommits() {
        context.getRegistry().bind("offsets", offsets);
        commitPeople(2);
    }

    @Test
    void overrideEndpointSendsTheRequestsToItsUrlAndKeepsThePositionUnderTheClustersKey() throws Exception {
        consume("neptune-stream:" + CLUSTER + "?delay=20&offsetRepository=#offsets&overrideEndpoint=true"
                + "&uriEndpointOverride=" + neptune.endpoint());

        await().until(() -> received.size() == 4);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 2));
        await().until(() -> "2:2".equals(offsets.getState(CLUSTER + "/propertygraph")));
    }

    @Test
    void withoutOverrideEndpointTheRequestsGoToThePath() throws Exception {
        consume(streamUri("offsetRepository=#offsets&uriEndpointOverride=" + CLUSTER));

        await().until(() -> received.size() == 4);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 2));
        await().until(() -> "2:2".equals(offsets.getState(neptune.endpoint() + "/propertygraph")));
    }
}
