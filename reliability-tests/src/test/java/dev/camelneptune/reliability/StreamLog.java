package dev.camelneptune.reliability;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.NeptunedataClientBuilder;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException;

/** The whole property graph change log of a neptune-local, read straight with the SDK: what a consumer must deliver. */
final class StreamLog {

    private StreamLog() {
    }

    /** Every record's {@code commitNum:opNum}, in stream order. */
    static List<String> read(URI endpoint) {
        return read(endpoint, builder -> {
        });
    }

    /** As {@link #read(URI)}, with a client customised by {@code customizer} (e.g. its HTTP client, for TLS). */
    static List<String> read(URI endpoint, Consumer<NeptunedataClientBuilder> customizer) {
        NeptunedataClientBuilder builder = NeptunedataClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        customizer.accept(builder);
        List<String> positions = new ArrayList<>();
        try (NeptunedataClient client = builder.build()) {
            GetPropertygraphStreamResponse page;
            try {
                page = client.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON).limit(50_000L));
            } catch (StreamRecordsNotFoundException empty) {
                return positions;
            }
            while (true) {
                page.records().forEach(r -> positions.add(r.eventId().get("commitNum") + ":" + r.eventId().get("opNum")));
                long commitNum = Long.parseLong(page.lastEventId().get("commitNum"));
                long opNum = Long.parseLong(page.lastEventId().get("opNum"));
                try {
                    page = client.getPropertygraphStream(r -> r.iteratorType(IteratorType.AFTER_SEQUENCE_NUMBER)
                            .commitNum(commitNum).opNum(opNum).limit(50_000L));
                } catch (StreamRecordsNotFoundException caughtUp) {
                    return positions;
                }
            }
        }
    }
}
