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
import software.amazon.awssdk.services.neptunedata.model.AccessDeniedException;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.NeptuneGraphException;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code requireSigV4()}: requests signed for the API they address are served, anything else gets 403 in the API's
 * error format; {@code requireSigV4(accessKey, secretKey)} also checks the signature itself. Each API has the signing
 * name of its model's metadata: {@code neptune-graph} (neptune-graph 2023-11-29) for the task paths, {@code neptune-db}
 * (neptunedata 2023-08-01) for the stream paths.
 */
class RequireSigV4Test {

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().requireSigV4().start();

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
            assertThat(denied).isInstanceOfSatisfying(AccessDeniedException.class,
                    e -> assertThat(e.detailedMessage()).contains("Missing Authentication Token"));
        }
    }

    @Test
    void signatureForAnotherServiceOrOfTheWrongShapeIsRejected() throws Exception {
        String date = "20260101";
        JsonNode otherService = get("AWS4-HMAC-SHA256 Credential=AKID/" + date + "/us-east-1/neptune-graph/aws4_request, "
                                    + "SignedHeaders=host;x-amz-date, Signature=" + "a".repeat(64));
        assertThat(otherService.get("code").asText()).isEqualTo("AccessDeniedException");
        assertThat(otherService.get("detailedMessage").asText()).contains("neptune-graph", "not neptune-db");
        assertThat(get("AWS4-HMAC-SHA256 Credential=AKID/" + date + "/us-east-1/neptune-db/aws4_request, "
                       + "SignedHeaders=host;x-amz-date, Signature=short")
                .get("detailedMessage").asText()).contains("Signature");
        assertThat(get("Basic dXNlcjpwYXNz").get("detailedMessage").asText()).contains("not an AWS4-HMAC-SHA256 signature");
        assertThat(get("AWS4-HMAC-SHA256 Credential=AKID/" + date + "/us-east-1/neptune-db/aws4_request, "
                       + "Signature=" + "a".repeat(64))
                .get("detailedMessage").asText()).contains("SignedHeaders");
    }

    /**
     * With a key pair the signature itself is computed again (the SDK's signer) and compared, as the service does: "The
     * request signature we calculated does not match the signature you provided" is 403 InvalidSignatureException.
     */
    @Test
    void withAKeyPairARequestSignedWithTheRightSecretIsServedAndOneWithAWrongSecretIsInvalidSignature() {
        try (NeptuneLocal checking = NeptuneLocal.builder().requireSigV4("AKIDLOCAL", "right-secret").start()) {
            checking.stream().propertyGraph().preload(3);
            try (NeptunedataClient right = client(checking, "AKIDLOCAL", "right-secret");
                 NeptunedataClient wrong = client(checking, "AKIDLOCAL", "wrong-secret")) {
                assertThat(right.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON)).records())
                        .hasSize(3);

                AwsServiceException denied = catchThrowableOfType(AwsServiceException.class,
                        () -> wrong.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON)));
                assertThat(denied.statusCode()).isEqualTo(403);
                assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                // not a code of the neptunedata model: the SDK keeps the body, not the text
                assertThat(denied.awsErrorDetails().rawResponse().asUtf8String())
                        .contains("does not match the signature you provided")
                        .doesNotContain("wrong-secret", "right-secret");
            }
        }
    }

    @Test
    void withAKeyPairAnotherAccessKeyIsAnUnrecognizedClient() {
        try (NeptuneLocal checking = NeptuneLocal.builder().requireSigV4("AKIDLOCAL", "right-secret").start();
             NeptunedataClient other = client(checking, "AKIDOTHER", "right-secret")) {
            AwsServiceException denied = catchThrowableOfType(AwsServiceException.class,
                    () -> other.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON)));

            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        }
    }

    /**
     * signingName "neptune-graph" and "neptune-db": both SDK clients, each signing as its model says, on one server.
     */
    @Test
    void oneServerServesTaskRequestsSignedForNeptuneGraphAndStreamRequestsSignedForNeptuneDb() {
        try (NeptuneLocal checking = NeptuneLocal.builder().requireSigV4("AKIDLOCAL", "right-secret").start();
             NeptuneGraphClient tasks = graphClient(checking, "right-secret");
             NeptunedataClient streams = client(checking, "AKIDLOCAL", "right-secret")) {
            checking.stream().propertyGraph().preload(3);
            checking.tasks().createImportTasks(2);

            assertThat(tasks.listImportTasks(r -> r.maxResults(10)).tasks()).hasSize(2);
            assertThat(streams.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON)).records())
                    .hasSize(3);
        }
    }

    @Test
    void aTaskRequestSignedForNeptuneDbIsRefusedInTheTaskApiErrorFormat() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(neptune.endpoint() + "/importtasks"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/neptune-db/aws4_request, "
                                         + "SignedHeaders=host;x-amz-date, Signature=" + "a".repeat(64))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
        assertThat(Json.MAPPER.readTree(response.body()).get("message").asText())
                .contains("signed for service neptune-db, not neptune-graph");
    }

    /** A signed body (the payload hash is part of the signature): StartImportTask over the task API. */
    @Test
    void withAKeyPairARequestWithABodyIsCheckedOverItsPayloadToo() {
        try (NeptuneLocal checking = NeptuneLocal.builder().requireSigV4("AKIDLOCAL", "right-secret").start();
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
