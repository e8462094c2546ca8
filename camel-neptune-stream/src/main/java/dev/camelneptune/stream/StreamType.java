package dev.camelneptune.stream;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.GetSparqlStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphData;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

/**
 * The two change logs of a Neptune cluster. Each makes its own {@link StreamReader}: the SDK gives the two requests and
 * the two record types no common interface, so each type names its call and its record fields, and the reader does the
 * rest once for both.
 */
public enum StreamType {

    /** {@code GET /propertygraph/stream}: Gremlin and openCypher changes. */
    propertygraph {
        @Override
        StreamReader<PropertygraphRecord> reader(
                Supplier<NeptunedataClient> client, long limit, String encoding, boolean streamingParser) {
            return new StreamReader<>(
                    request -> {
                        StreamPageParsing parsing = streamingParser ? new StreamPageParsing() : null;
                        List<PropertygraphRecord> records = client.get().getPropertygraphStream(
                                GetPropertygraphStreamRequest.builder().iteratorType(request.iteratorType())
                                        .commitNum(request.commitNum()).opNum(request.opNum()).limit(limit)
                                        .encoding(encoding).overrideConfiguration(override(parsing)).build())
                                .records();
                        return new StreamPage<>(records, positions(parsing), PropertygraphRecord::eventId);
                    },
                    PropertygraphRecord::commitTimestampInMillis, PropertygraphRecord::op,
                    PropertygraphRecord::isLastOp, StreamType::propertygraphHeaders, StreamType::elementId);
        }
    },

    /** {@code GET /sparql/stream}: RDF statement changes. */
    sparql {
        @Override
        StreamReader<SparqlRecord> reader(
                Supplier<NeptunedataClient> client, long limit, String encoding, boolean streamingParser) {
            return new StreamReader<>(
                    request -> {
                        StreamPageParsing parsing = streamingParser ? new StreamPageParsing() : null;
                        List<SparqlRecord> records = client.get().getSparqlStream(
                                GetSparqlStreamRequest.builder().iteratorType(request.iteratorType())
                                        .commitNum(request.commitNum()).opNum(request.opNum()).limit(limit)
                                        .encoding(encoding).overrideConfiguration(override(parsing)).build())
                                .records();
                        return new StreamPage<>(records, positions(parsing), SparqlRecord::eventId);
                    },
                    SparqlRecord::commitTimestampInMillis, SparqlRecord::op, SparqlRecord::isLastOp,
                    StreamType::sparqlHeaders, StreamType::subject);
        }
    };

    /**
     * A reader of this stream over the client {@code client} supplies (the endpoint's, built when it starts), asking
     * for pages of at most {@code limit} records, compressed when {@code encoding} is gzip, each page parsed by
     * {@link StreamPageParser} when {@code streamingParser} is set and by the SDK's unmarshaller otherwise.
     */
    abstract StreamReader<?> reader(
            Supplier<NeptunedataClient> client, long limit, String encoding, boolean streamingParser);

    private static AwsRequestOverrideConfiguration override(StreamPageParsing parsing) {
        return parsing != null ? parsing.override() : null;
    }

    private static List<StreamPosition> positions(StreamPageParsing parsing) {
        return parsing != null ? parsing.positions() : null;
    }

    /** The stream type named {@code text} (any case), or an error naming the option and its values. */
    static StreamType of(String text) {
        for (StreamType type : values()) {
            if (type.name().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("streamType must be one of " + List.of(values()) + ", not " + text);
    }

    private static void propertygraphHeaders(PropertygraphRecord record, Map<String, Object> headers) {
        PropertygraphData data = record.data();
        if (data != null) {
            putIfSet(headers, NeptuneStreamConstants.ELEMENT_ID, data.id());
            putIfSet(headers, NeptuneStreamConstants.ELEMENT_TYPE, data.type());
            putIfSet(headers, NeptuneStreamConstants.KEY, data.key());
            putIfSet(headers, NeptuneStreamConstants.FROM, data.from());
            putIfSet(headers, NeptuneStreamConstants.TO, data.to());
        }
    }

    private static void sparqlHeaders(SparqlRecord record, Map<String, Object> headers) {
        if (record.data() != null) {
            putIfSet(headers, NeptuneStreamConstants.STATEMENT, record.data().stmt());
        }
    }

    private static void putIfSet(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    /** The vertex or edge a property graph record changes. */
    private static String elementId(PropertygraphRecord record) {
        return record.data() != null ? record.data().id() : null;
    }

    /** The subject of a SPARQL record's N-Quads statement: its first term, an IRI {@code <...>} or a blank node. */
    static String subject(SparqlRecord record) {
        String statement = record.data() != null ? record.data().stmt() : null;
        if (statement == null) {
            return null;
        }
        String text = statement.stripLeading();
        int end = text.startsWith("<") ? text.indexOf('>') + 1 : 0;
        if (end <= 0) {
            end = 0;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
        }
        return text.substring(0, end);
    }
}
