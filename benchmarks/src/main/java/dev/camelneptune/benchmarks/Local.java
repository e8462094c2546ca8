package dev.camelneptune.benchmarks;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;

/** SDK clients pointed at a neptune-local, built as a user would build them (Apache HTTP client, static keys). */
final class Local {

    private Local() {
    }

    static NeptunedataClient dataClient(URI endpoint) {
        return NeptunedataClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(1)))
                .build();
    }

    static NeptuneGraphClient graphClient(URI endpoint) {
        return NeptuneGraphClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }
}
