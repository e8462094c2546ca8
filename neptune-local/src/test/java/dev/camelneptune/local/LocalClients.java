package dev.camelneptune.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;

/** The real SDK clients pointed at a neptune-local, without retries so each call is one request. */
public final class LocalClients {

    private LocalClients() {
    }

    public static NeptuneGraphClient graph(NeptuneLocal neptune) {
        return NeptuneGraphClient.builder().endpointOverride(neptune.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public static NeptunedataClient data(NeptuneLocal neptune) {
        return NeptunedataClient.builder().endpointOverride(neptune.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
