package dev.camelneptune.stream;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad options fail when the endpoint is created, naming the option and the rule; good ones resolve as documented. */
class NeptuneStreamOptionsTest {

    /** What every endpoint needs besides the path (the client option rules are tested in reliability-tests). */
    private static final String CLIENT_OPTIONS = "region=us-east-1&accessKey=a&secretKey=b";

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    private void assertRejected(String uri, String message) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining(message);
    }

    @Test
    void aLimitOfZeroIsRejected() {
        assertRejected("neptune-stream:db.example.com?limit=0", "limit must be between 1 and 100000, not 0");
    }

    @Test
    void aLimitAboveOneHundredThousandIsRejected() {
        assertRejected("neptune-stream:db.example.com?limit=100001", "limit must be between 1 and 100000, not 100001");
    }

    @Test
    void aLaneWindowOutsideOneToOneHundredThousandIsRejected() {
        assertRejected("neptune-stream:db.example.com?concurrentConsumers=4&maxPendingRecords=0",
                "maxPendingRecords must be between 1 and 100000, not 0");
        assertRejected("neptune-stream:db.example.com?concurrentConsumers=4&maxPendingRecords=100001",
                "maxPendingRecords must be between 1 and 100000, not 100001");
    }

    @Test
    void atSequenceNumberWithoutCommitNumIsRejected() {
        assertRejected("neptune-stream:db.example.com?iteratorType=AT_SEQUENCE_NUMBER",
                "commitNum is required when iteratorType is AT_SEQUENCE_NUMBER");
    }

    @Test
    void afterSequenceNumberWithoutCommitNumIsRejected() {
        assertRejected("neptune-stream:db.example.com?iteratorType=AFTER_SEQUENCE_NUMBER",
                "commitNum is required when iteratorType is AFTER_SEQUENCE_NUMBER");
    }

    @Test
    void anUnknownIteratorTypeIsRejected() {
        assertRejected("neptune-stream:db.example.com?iteratorType=OLDEST", "iteratorType must be one of");
    }

    @Test
    void anUnknownStreamTypeIsRejected() {
        assertRejected("neptune-stream:db.example.com?streamType=rdf", "streamType must be one of");
    }

    @Test
    void anEncodingOtherThanGzipIsRejected() {
        assertRejected("neptune-stream:db.example.com?encoding=br", "encoding must be gzip");
    }

    @Test
    void anUnknownRecordTypeInIncludeTypesIsRejected() {
        assertRejected("neptune-stream:db.example.com?includeTypes=vl,vertex",
                "includeTypes takes vl, vp, e, ep (comma-separated), not vertex");
    }

    @Test
    void includeTypesWithTheSparqlStreamIsRejected() {
        assertRejected("neptune-stream:db.example.com?streamType=sparql&includeTypes=vl",
                "includeTypes selects property graph records (vl, vp, e, ep): it cannot be set with streamType=sparql");
    }

    @Test
    void anUnknownOpInIncludeOpsIsRejected() {
        assertRejected("neptune-stream:db.example.com?includeOps=ADD,DROP",
                "includeOps takes ADD, REMOVE (comma-separated), not DROP");
    }

    @Test
    void anEmptyEntryInExcludeKeysIsRejected() {
        assertRejected("neptune-stream:db.example.com?excludeKeys=password,,lastSeen",
                "excludeKeys is a comma-separated list with no empty entries");
    }

    @Test
    void aHostAloneMeansHttpsOnPort8182() {
        NeptuneStreamEndpoint endpoint
                = context.getEndpoint("neptune-stream:db.example.com?" + CLIENT_OPTIONS, NeptuneStreamEndpoint.class);

        assertThat(endpoint.getConfiguration().clusterUri()).hasToString("https://db.example.com:8182");
    }

    @Test
    void aHostWithAPortKeepsThePort() {
        NeptuneStreamEndpoint endpoint
                = context.getEndpoint("neptune-stream:db.example.com:9000?" + CLIENT_OPTIONS, NeptuneStreamEndpoint.class);

        assertThat(endpoint.getConfiguration().clusterUri()).hasToString("https://db.example.com:9000");
    }

    @Test
    void aFullUrlIsUsedAsGiven() {
        NeptuneStreamEndpoint endpoint
                = context.getEndpoint("neptune-stream:http://localhost:8182?" + CLIENT_OPTIONS, NeptuneStreamEndpoint.class);

        assertThat(endpoint.getConfiguration().clusterUri()).hasToString("http://localhost:8182");
        assertThat(endpoint.getConfiguration().resolveOffsetKey()).isEqualTo("http://localhost:8182/propertygraph");
    }
}
