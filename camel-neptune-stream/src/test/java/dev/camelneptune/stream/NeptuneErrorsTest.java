package dev.camelneptune.stream;

import dev.camelneptune.local.NeptuneLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.InvalidParameterException;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.NeptunedataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Neptune's reason for an error, read from errors the real NeptunedataClient makes of neptune-local's answers, which
 * carry it as the engine does: in {@code detailedMessage}, never in {@code message}.
 */
class NeptuneErrorsTest {

    private final NeptuneLocal neptune = NeptuneLocal.builder().requireSigV4("AKIDLOCAL", "right-secret").start();

    @AfterEach
    void stop() {
        neptune.close();
    }

    private NeptunedataClient client(String secretKey) {
        return NeptunedataClient.builder().endpointOverride(neptune.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", secretKey)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private AwsServiceException failedRead(String secretKey, long limit) {
        try (NeptunedataClient client = client(secretKey)) {
            return catchThrowableOfType(AwsServiceException.class,
                    () -> client.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON).limit(limit)));
        }
    }

    @Test
    void theReasonOfAModelledErrorIsItsDetailedMessage() {
        AwsServiceException error = failedRead("right-secret", 0);

        assertThat(error).isInstanceOf(InvalidParameterException.class);
        assertThat(error.awsErrorDetails().errorMessage()).isNull();
        assertThat(NeptuneErrors.reason(error)).contains("limit")
                .isEqualTo(((InvalidParameterException) error).detailedMessage());
    }

    /** InvalidSignatureException is no exception of the neptunedata model: the SDK keeps the body only. */
    @Test
    void theReasonOfACodeTheModelDoesNotKnowIsReadFromTheBody() {
        AwsServiceException error = failedRead("wrong-secret", 10);

        assertThat(error.getClass()).isEqualTo(NeptunedataException.class);
        assertThat(NeptuneErrors.reason(error)).startsWith("The request signature we calculated does not match");
    }

    @Test
    void withReasonKeepsTheTypeStatusAndRequestIdAndNamesTheReasonInTheMessage() {
        AwsServiceException error = failedRead("right-secret", 0);

        AwsServiceException named = (AwsServiceException) NeptuneErrors.withReason(error);

        assertThat(named).isInstanceOf(InvalidParameterException.class).isNotSameAs(error);
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(named.requestId()).isEqualTo(error.requestId());
        assertThat(named.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
        assertThat(named.awsErrorDetails().errorMessage()).isEqualTo(NeptuneErrors.reason(error));
        assertThat(named.getMessage()).startsWith(NeptuneErrors.reason(error) + " (Service: Neptunedata, Status Code: 400");
        assertThat(NeptuneErrors.withReason(named)).as("already named").isSameAs(named);
    }
}
