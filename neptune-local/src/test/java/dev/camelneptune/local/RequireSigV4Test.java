package dev.camelneptune.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.NeptuneGraphException;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code requireSigV4("neptune-db")}: signed requests are served, anything else gets 403 in the API's error format;
 * {@code requireSigV4(service, accessKey, secretKey)} also checks the signature itself.
 */
class RequireSigV4Test {

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().requireSigV4("neptune-db").start();

    @AfterEach
    void stop() {
        neptune.close();
    }

    private NeptunedataClient client(AwsCredentialsProvider credentials) {
        return NeptunedataClient.builder().endpointOverride(neptune.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Test
    void requestSignedByTheSdkForNeptuneDbIsServed() {
        neptune.stream().propertyGraph().preload(3);
        try (NeptunedataClient client
                = client(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local")))) {
            assertThat(client.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON)).records()).hasSize(3);
        }
    }

    @Test
    void unsignedRequestIsRejectedWith403InTheStreamErrorFormat() {
        try (NeptunedataClient client = client(AnonymousCredentialsProvider.create())) {
            AwsServiceException denied = catchThrowableOfType(AwsServiceException.class,
                    () -> client.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON)));
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.awsErrorDetails().errorMessage()).contains("Missing Authentication Token");
        }
    }

    @Test
    void signatureForAnotherServiceOrOfTheWrongShapeIsRejected() throws Exception {
        String date = "20260101";
        JsonNode otherService = get("AWS4-HMAC-SHA256 Credential=AKID/" + date + "/us-east-1/neptune-graph/aws4_request, "
                                    + "SignedHeaders=host;x-amz-date, Signature=" + "a".repeat(64));
        assertThat(otherService.get("code").asText()).isEqualTo("AccessDeniedException");
        assertThat(otherService.get("message").asText()).contains("neptune-graph", "not neptune-db");
        assertThat(get("AWS4-HMAC-SHA256 Credential=AKID/" + date + "/us-east-1/neptune-db/aws4_request, "
                       + "SignedHeaders=host;x-amz-date, Signature=short")
                .get("message").asText()).contains("Signature");
        assertThat(get("Basic dXNlcjpwYXNz").get("message").asText()).contains("not an AWS4-HMAC-SHA256 signature");
        assertThat(get("AWS4-HMAC-SHA256 Credential=AKID/" + date + "/us-east-1/neptune-db/aws4_request, "
                       + "Signature=" + "a".repeat(64))
                .get("message").asText()).contains("SignedHeaders");
    }

    /**
     * With a key pair the signature itself is computed again (the SDK's signer) and compared, as the service does: "The
     * request signature we calculated does not match the signature you provided" is 403 InvalidSignatureException.
     */
    @Test
    void withAKeyPairARequestSignedWithTheRightSecretIsServedAndOneWithAWrongSecretIsInvalidSignature() {
        try (NeptuneLocal checking = NeptuneLocal.builder().requireSigV4("neptune-db", "AKIDLOCAL", "right-secret").start()) {
            checking.stream().propertyGraph().preload(3);
            try (NeptunedataClient right = client(checking, "AKIDLOCAL", "right-secret");
                 NeptunedataClient wrong = client(checking, "AKIDLOCAL", "wrong-secret")) {
                assertThat(right.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON)).records())
                        .hasSize(3);

                AwsServiceException denied = catchThrowableOfType(AwsServiceException.class,
                        () -> wrong.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON)));
                assertThat(denied.statusCode()).isEqualTo(403);
                assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(denied.awsErrorDetails().errorMessage()).contains("does not match the signature you provided")
                        .doesNotContain("wrong-secret", "right-secret");
            }
        }
    }

    @Test
    void withAKeyPairAnotherAccessKeyIsAnUnrecognizedClient() {
        try (NeptuneLocal checking = NeptuneLocal.builder().requireSigV4("neptune-db", "AKIDLOCAL", "right-secret").start();
             NeptunedataClient other = client(checking, "AKIDOTHER", "right-secret")) {
            AwsServiceException denied = catchThrowableOfType(AwsServiceException.class,
                    () -> other.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON)));

            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        }
    }

    /** A signed body (the payload hash is part of the signature): StartImportTask over the task API. */
    @Test
    void withAKeyPairARequestWithABodyIsCheckedOverItsPayloadToo() {
        try (NeptuneLocal checking = NeptuneLocal.builder().requireSigV4("neptune-graph", "AKIDLOCAL", "right-secret").start();
             NeptuneGraphClient right = graphClient(checking, "right-secret");
             NeptuneGraphClient wrong = graphClient(checking, "wrong-secret")) {
            checking.graphs().create("g-0000000001");
            StartImportTaskRequest request = StartImportTaskRequest.builder().graphIdentifier("g-0000000001")
                    .source("s3://bucket/data/").roleArn("arn:aws:iam::123456789012:role/Import").build();

            NeptuneGraphException denied = catchThrowableOfType(NeptuneGraphException.class,
                    () -> wrong.startImportTask(request));
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(right.startImportTask(request).taskId()).matches("t-[a-z0-9]{10}");
        }
    }

    private static NeptunedataClient client(NeptuneLocal target, String accessKey, String secretKey) {
        return NeptunedataClient.builder().endpointOverride(target.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static NeptuneGraphClient graphClient(NeptuneLocal target, String secretKey) {
        return NeptuneGraphClient.builder().endpointOverride(target.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", secretKey)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** GETs the stream with {@code authorization}, asserts 403, and returns the error body. */
    private JsonNode get(String authorization) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(neptune.endpoint() + "/propertygraph/stream")).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.has("requestId")).isTrue();
        assertThat(body.has("detailedMessage")).isTrue();
        return body;
    }
}
