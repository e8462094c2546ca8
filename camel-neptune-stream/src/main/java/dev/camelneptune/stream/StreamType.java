package dev.camelneptune.stream;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.camelneptune.stream.page.PropertygraphStreamReader;
import dev.camelneptune.stream.page.SparqlStreamReader;
import dev.camelneptune.stream.page.StreamReader;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

/** The two change logs of a Neptune cluster, each read by its own {@link StreamReader}. */
public enum StreamType {

    /** {@code GET /propertygraph/stream}: Gremlin and openCypher changes. */
    propertygraph {
        @Override
        public StreamReader<PropertygraphRecord> reader(
                Supplier<NeptunedataClient> client, long limit, String encoding, boolean onePassParser) {
            return new PropertygraphStreamReader(client, limit, encoding, onePassParser);
        }
    },

    /** {@code GET /sparql/stream}: RDF statement changes. */
    sparql {
        @Override
        public StreamReader<SparqlRecord> reader(
                Supplier<NeptunedataClient> client, long limit, String encoding, boolean onePassParser) {
            return new SparqlStreamReader(client, limit, encoding, onePassParser);
        }
    };

    /**
     * A reader of this stream over the client {@code client} supplies (the endpoint's, built when it starts), asking
     * for pages of at most {@code limit} records, compressed when {@code encoding} is gzip, each page parsed by the
     * component's one-pass parser when {@code onePassParser} is set and by the SDK's unmarshaller otherwise.
     */
    public abstract StreamReader<?> reader(
            Supplier<NeptunedataClient> client, long limit, String encoding, boolean onePassParser);

    /** The stream type named {@code text} (any case), or an error naming the option and its values. */
    static StreamType of(String text) {
        for (StreamType type : values()) {
            if (type.name().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("streamType must be one of " + List.of(values()) + ", not " + text);
    }
}
