package dev.camelneptune.stream;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;

/** Builds a NeptunedataClient that remembers the Content-Encoding of every response it receives. */
final class ResponseHeaders implements ExecutionInterceptor {

    private final List<String> contentEncodings = new CopyOnWriteArrayList<>();

    NeptunedataClient client(URI endpoint) {
        return NeptunedataClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(this))
                .build();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes executionAttributes) {
        contentEncodings.add(context.httpResponse().firstMatchingHeader("Content-Encoding").orElse("identity"));
    }

    List<String> contentEncodings() {
        return contentEncodings;
    }
}
