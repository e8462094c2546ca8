package dev.camelneptune.stream.page;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;
import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.stream.StreamPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.ExpiredStreamException;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.GetSparqlStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.GetSparqlStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The component's page parser against the SDK's own unmarshaller, on the same bytes over real HTTP: every response the
 * two build must be equal, field for field, and a body that does not parse must fail both ways alike.
 */
class StreamPageParserTest {

    private final NeptuneLocal neptune = NeptuneLocal.start();
    private HttpServer server;
    private NeptunedataClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop(0);
        }
        neptune.close();
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 7, 1000 })
    void propertyGraphPagesFromNeptuneLocalParseAsTheSdkParsesThem(int limit) {
        neptune.stream().propertyGraph().commit(tx -> tx
                .addVertex("v-1", "person", values())
                .addVertex("v-2", "city", Map.of("name", "Zürich \"quoted\" \\ \u2603 \n tab\t"))
                .addEdge("e-1", "v-1", "v-2", "lives_in", Map.of("since", 2019, "weight", 0.25)));
        neptune.stream().propertyGraph().commit(tx -> tx
                .setProperty("v-1", "age", Long.MAX_VALUE).removeProperty("v-2", "name").remove("e-1"));
        neptune.stream().propertyGraph().preload(40);
        client = client(neptune.endpoint());

        int records = 0;
        GetPropertygraphStreamRequest.Builder request = GetPropertygraphStreamRequest.builder()
                .iteratorType(IteratorType.TRIM_HORIZON).limit((long) limit);
        while (true) {
            GetPropertygraphStreamResponse sdk = client.getPropertygraphStream(request.build());
            PageParserInterceptor parsing = new PageParserInterceptor();
            GetPropertygraphStreamResponse ours
                    = client.getPropertygraphStream(request.overrideConfiguration(parsing.override()).build());
            request.overrideConfiguration((AwsRequestOverrideConfiguration) null);

            assertSameFields(ours, sdk);
            assertThat(ours.records()).isEqualTo(sdk.records()).isNotEmpty().hasSizeLessThanOrEqualTo(limit);
            assertThat(parsing.positions()).isEqualTo(ours.records().stream()
                    .map(record -> StreamPosition.of(record.eventId())).toList());
            records += ours.records().size();
            Map<String, String> last = ours.lastEventId();
            request.iteratorType(IteratorType.AFTER_SEQUENCE_NUMBER)
                    .commitNum(Long.valueOf(last.get("commitNum"))).opNum(Long.valueOf(last.get("opNum")));
            if (records >= neptune.stream().propertyGraph().recordCount()) {
                break;
            }
        }
        assertThat(records).isEqualTo(neptune.stream().propertyGraph().recordCount());
    }

    @Test
    void sparqlPagesFromNeptuneLocalParseAsTheSdkParsesThem() {
        neptune.stream().sparql().commit(tx -> tx
                .add("<https://example.com/a> <https://example.com/p> \"caf\u00e9 \\\"x\\\"\" .")
                .add("<https://example.com/a> <https://example.com/q> \"42\"^^<http://www.w3.org/2001/XMLSchema#int> .")
                .remove("<https://example.com/a> <https://example.com/p> \"caf\u00e9 \\\"x\\\"\" ."));
        client = client(neptune.endpoint());

        GetSparqlStreamRequest.Builder request = GetSparqlStreamRequest.builder()
                .iteratorType(IteratorType.TRIM_HORIZON).limit(2L);
        GetSparqlStreamResponse sdk = client.getSparqlStream(request.build());
        GetSparqlStreamResponse ours
                = client.getSparqlStream(request.overrideConfiguration(new PageParserInterceptor().override()).build());

        assertSameFields(ours, sdk);
        assertThat(ours.records()).hasSize(2);
    }

    /** Bodies neptune-local does not write: unknown fields, nulls, nested values, numbers in strings, gzip. */
    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void unusualBodiesParseAsTheSdkParsesThem(boolean gzip) throws IOException {
        String body = """
                {"lastEventId":{"commitNum":"12","opNum":3},"lastTrxTimestamp":"1700000000123","format":"PG_JSON",
                 "unknown":{"a":[1,{"b":null}],"c":"d"},
                 "records":[
                  {"commitTimestamp":1700000000123,"eventId":{"commitNum":12,"opNum":1},"extra":[true,false],
                   "data":{"id":"v","type":"vp","key":"k","value":{"value":[1,2.50,-3e10,"x",null,{"n":{"m":[]}}],
                   "dataType":"List"},"from":null,"to":null,"more":{"x":1}},"op":"ADD"},
                  {"commitTimestamp":null,"eventId":{"commitNum":12,"opNum":2},"data":null,"op":"REMOVE",
                   "isLastOp":false},
                  {"eventId":{"commitNum":12,"opNum":3},"data":{"id":"v","type":"vp","key":"k","value":null},
                   "op":"ADD","isLastOp":true}
                 ],
                 "totalRecords":3}
                """;
        client = client(serve(body, gzip, new AtomicInteger()));
        GetPropertygraphStreamRequest.Builder request = GetPropertygraphStreamRequest.builder();

        GetPropertygraphStreamResponse sdk = client.getPropertygraphStream(request.build());
        GetPropertygraphStreamResponse ours
                = client.getPropertygraphStream(request.overrideConfiguration(new PageParserInterceptor().override()).build());

        assertThat(sdk.records()).hasSize(3);
        assertSameFields(ours, sdk);
        assertThat(ours.records().get(0).data().value()).isEqualTo(sdk.records().get(0).data().value());
    }

    @Test
    void aBodyThatDoesNotParseFailsAsTheSdksUnmarshallerFailsAndIsRetried() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        client = client(serve("{\"records\":[{\"eventId\":{\"commitNum\":1,", false, requests));
        GetPropertygraphStreamRequest.Builder request = GetPropertygraphStreamRequest.builder();

        assertThatThrownBy(() -> client.getPropertygraphStream(request.build()))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("Unable to unmarshall response");
        int sdkRequests = requests.getAndSet(0);
        assertThatThrownBy(
                () -> client
                        .getPropertygraphStream(request.overrideConfiguration(new PageParserInterceptor().override()).build()))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("Unable to unmarshall response");
        assertThat(requests.get()).isEqualTo(sdkRequests);
    }

    @Test
    void aNumberThatIsNotOneFailsAsAnUnmarshallingError() throws IOException {
        client = client(serve("{\"lastTrxTimestamp\":\"soon\",\"records\":[]}", false, new AtomicInteger()));

        assertThatThrownBy(() -> client.getPropertygraphStream(GetPropertygraphStreamRequest.builder()
                .overrideConfiguration(new PageParserInterceptor().override()).build()))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("Unable to unmarshall response")
                .hasRootCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void anErrorResponseIsStillTheSdksTypedException() {
        neptune.stream().propertyGraph().commit(tx -> tx.addVertex("v-1", "person"));
        neptune.stream().propertyGraph().commit(tx -> tx.addVertex("v-2", "person"));
        neptune.stream().propertyGraph().trimBefore(2);
        client = client(neptune.endpoint());

        assertThatThrownBy(() -> client.getPropertygraphStream(GetPropertygraphStreamRequest.builder()
                .iteratorType(IteratorType.AT_SEQUENCE_NUMBER).commitNum(1L).opNum(1L)
                .overrideConfiguration(new PageParserInterceptor().override()).build()))
                .isInstanceOf(ExpiredStreamException.class);
    }

    /**
     * The same response as the SDK's, field for field; the HTTP response each carries differs (its Date header, and the
     * Content-Encoding the SDK sees only on its own path).
     */
    private static void assertSameFields(SdkPojo ours, SdkPojo sdk) {
        assertThat(ours).usingEquals((a, b) -> a.equalsBySdkFields(b)).isEqualTo(sdk);
    }

    private static Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "Ada");
        values.put("active", true);
        values.put("retired", false);
        values.put("age", 36);
        values.put("big", Long.MIN_VALUE);
        values.put("score", 1.0e-7);
        values.put("ratio", 2.5f);
        values.put("short", (short) 7);
        values.put("byte", (byte) -1);
        values.put("empty", "");
        return values;
    }

    /** A server that answers every request with {@code body}, counting the requests. */
    private URI serve(String body, boolean gzip, AtomicInteger requests) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(bytes);
            }
            bytes = out.toByteArray();
        }
        byte[] response = bytes;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (gzip) {
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static NeptunedataClient client(URI endpoint) {
        return NeptunedataClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.builder().numRetries(2).build()))
                .build();
    }
}
