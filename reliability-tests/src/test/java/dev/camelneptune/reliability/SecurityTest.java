package dev.camelneptune.reliability;

import java.time.Duration;

import dev.camelneptune.local.NeptuneLocal;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security of both components against one neptune-local that requires SigV4, each API checked against its model's
 * signing name: credentials sign every stream request for neptune-db and every task request for neptune-graph, a server
 * that requires it rejects anything else and the consumer says so (and the trustAllCertificates warning of both
 * components). That the credentials never show is {@link SecretOptionsTest}.
 */
class SecurityTest extends NeptuneLocalCamelTestSupport {

    private static final String ACCESS_KEY = "AKIAREALLOOKINGKEY42";
    private static final String SECRET_KEY = "SecretKeyThatMustNeverShow42";
    private static final String SESSION_TOKEN = "SessionTokenThatMustNeverShow42";

    @Override
    protected NeptuneLocal startNeptune() {
        NeptuneLocal neptune = NeptuneLocal.builder().requireSigV4().start();
        neptune.stream().propertyGraph().preload(500);
        return neptune;
    }

    private String secretStreamUri(String options) {
        return "neptune-stream:" + neptune.endpoint() + "?limit=100&delay=20&region=us-east-1&useSessionCredentials=true"
               + "&accessKey=RAW(" + ACCESS_KEY + ")&secretKey=RAW(" + SECRET_KEY + ")&sessionToken=RAW(" + SESSION_TOKEN + ")"
               + options;
    }

    @Test
    void withCredentialsEveryStreamRequestIsSigV4SignedForNeptuneDb() throws Exception {
        consume(secretStreamUri(""));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 500);
        assertThat(received).containsExactlyElementsOf(StreamLog.read(neptune.endpoint()));
    }

    @Test
    void withCredentialsEveryTaskRequestIsSigV4SignedForNeptuneGraphOnTheSameServer() {
        neptune.tasks().createImportTasks(3);

        Exchange exchange = template.send("neptune-graph:tasks?operation=listImportTasks&region=us-east-1"
                                          + "&accessKey=RAW(" + ACCESS_KEY + ")&secretKey=RAW(" + SECRET_KEY + ")"
                                          + "&overrideEndpoint=true&uriEndpointOverride=" + neptune.endpoint(),
                e -> {
                });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(ListImportTasksResponse.class).tasks()).hasSize(3);
    }

    @Test
    void unsignedRequestsAreRejectedWith403AndTheConsumerHealthSaysWhy() throws Exception {
        try (NeptunedataClient anonymous = NeptunedataClient.builder().endpointOverride(neptune.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            context.getRegistry().bind("anonymous", anonymous);
            consume("neptune-stream:" + neptune.endpoint() + "?delay=20&neptuneDataClient=#anonymous");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HealthCheck.Result result = health();
                assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(result.getError()).hasValueSatisfying(e -> {
                    assertThat(e.getMessage()).contains("Missing Authentication Token", "Status Code: 403");
                    assertThat(((AwsServiceException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                });
            });
            assertThat(received).isEmpty();
        }
    }

    @Test
    void trustAllCertificatesLogsAWarningForBothComponentsAndIsOffByDefault() {
        context.getEndpoint("neptune-stream:" + neptune.endpoint() + "?region=us-east-1&accessKey=a&secretKey=b").start();
        context.getEndpoint("neptune-graph:tasks?operation=listImportTasks&region=us-east-1&accessKey=a&secretKey=b").start();
        assertThat(captured.getMessages()).noneSatisfy(line -> assertThat(line).startsWith("WARN"));

        context.getEndpoint("neptune-stream:" + neptune.endpoint()
                            + "?region=us-east-1&accessKey=a&secretKey=b&trustAllCertificates=true")
                .start();
        context.getEndpoint("neptune-graph:tasks?operation=listImportTasks&region=us-east-1&accessKey=a&secretKey=b"
                            + "&trustAllCertificates=true")
                .start();

        assertThat(captured.getMessages().stream().filter(line -> line.startsWith("WARN") && line.contains(
                "trustAllCertificates=true: the TLS certificate")).toList())
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("neptune-stream endpoint " + neptune.endpoint()))
                .anySatisfy(line -> assertThat(line).contains("neptune-graph endpoint us-east-1"));
    }
}
