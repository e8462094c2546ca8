package dev.camelneptune.stream.page;

import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.camelneptune.stream.StreamPosition;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.GetSparqlStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphData;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.SparqlData;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

/**
 * Reads the body of a successful stream response in one pass with Jackson's streaming parser, straight into the SDK's
 * model classes, and notes each record's position as it goes. The SDK's own unmarshaller streams too, but generically:
 * it looks every field up in the model's field table and sets it through the model's accessors, which costs about half
 * as much again as this parser on a page of property graph records. The result is the same response the SDK would
 * build, field for field, as {@code StreamPageParserTest} checks against the SDK on the same bytes: a field the model
 * does not know is skipped, a number where the model wants a string keeps its text, a property value is a
 * {@link Document} built as the SDK builds it.
 */
final class StreamPageParser {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * What one body held; {@link #applyTo} puts it into the response the SDK built from an empty body. It also holds
     * each record's position, read here on the thread that fetches pages rather than from the SDK's string map on the
     * thread that runs the route.
     */
    abstract static class Page {
        Map<String, String> lastEventId;
        Long lastTrxTimestamp;
        String format;
        Integer totalRecords;
        final Positions positions = new Positions();
        boolean everyPosition = true;

        abstract SdkResponse applyTo(SdkResponse response);

        /** The records' positions in stream order, or null when a record has no complete eventId. */
        List<StreamPosition> positions() {
            return everyPosition ? positions : null;
        }

        void position(Map<String, String> eventId) {
            String commitNum = eventId == null ? null : eventId.get("commitNum");
            String opNum = eventId == null ? null : eventId.get("opNum");
            if (commitNum == null || opNum == null) {
                everyPosition = false;
                return;
            }
            try {
                positions.add(Long.parseLong(commitNum), Long.parseLong(opNum));
            } catch (NumberFormatException e) {
                everyPosition = false; // the SDK keeps it as text: the consumer reports it when it reads the record
            }
        }
    }

    static final class PropertygraphPage extends Page {
        final List<PropertygraphRecord> records = new ArrayList<>();

        @Override
        SdkResponse applyTo(SdkResponse response) {
            return ((GetPropertygraphStreamResponse) response).toBuilder().lastEventId(lastEventId)
                    .lastTrxTimestampInMillis(lastTrxTimestamp).format(format).records(records)
                    .totalRecords(totalRecords).build();
        }
    }

    static final class SparqlPage extends Page {
        final List<SparqlRecord> records = new ArrayList<>();

        @Override
        SdkResponse applyTo(SdkResponse response) {
            return ((GetSparqlStreamResponse) response).toBuilder().lastEventId(lastEventId)
                    .lastTrxTimestampInMillis(lastTrxTimestamp).format(format).records(records)
                    .totalRecords(totalRecords).build();
        }
    }

    /** Positions kept as two arrays of longs: a page can hold 100,000 records, and two pages are in memory. */
    static final class Positions extends AbstractList<StreamPosition> implements RandomAccess {
        private long[] commitNums = new long[256];
        private long[] opNums = new long[256];
        private int size;

        void add(long commitNum, long opNum) {
            if (size == commitNums.length) {
                commitNums = Arrays.copyOf(commitNums, size * 2);
                opNums = Arrays.copyOf(opNums, size * 2);
            }
            commitNums[size] = commitNum;
            opNums[size] = opNum;
            size++;
        }

        @Override
        public StreamPosition get(int index) {
            Objects.checkIndex(index, size);
            return new StreamPosition(commitNums[index], opNums[index]);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /**
     * The values nearly every record repeats (op, element type, a property's dataType), kept once rather than once a
     * record: with two pages of 100,000 records in memory, the copies add up to tens of MB.
     */
    private static final Map<String, String> REPEATED = Stream.of("ADD", "REMOVE", "vl", "vp", "e", "ep")
            .collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));
    private static final Map<String, Document> DATA_TYPES = Stream.of("String", "Boolean", "Byte", "Short", "Integer",
            "Long", "Float", "Double", "Date")
            .collect(Collectors.toUnmodifiableMap(Function.identity(), Document::fromString));

    private StreamPageParser() {
    }

    static PropertygraphPage propertygraph(InputStream body) throws IOException {
        PropertygraphPage page = new PropertygraphPage();
        parse(body, page, parser -> page.records.add(record(parser, page, PROPERTYGRAPH)));
        return page;
    }

    static SparqlPage sparql(InputStream body) throws IOException {
        SparqlPage page = new SparqlPage();
        parse(body, page, parser -> page.records.add(record(parser, page, SPARQL)));
        return page;
    }

    /** Reads one record; called with the parser on the record's START_OBJECT. */
    private interface RecordReader {
        void read(JsonParser parser) throws IOException;
    }

    private static void parse(InputStream body, Page page, RecordReader records) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return; // an empty body: the SDK leaves every field unset
            }
            expect(parser, token, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                token = parser.nextToken();
                switch (field) {
                    case "lastEventId" -> page.lastEventId = stringMap(parser, token);
                    case "lastTrxTimestamp" -> page.lastTrxTimestamp = longValue(parser, token);
                    case "format" -> page.format = string(parser, token);
                    case "totalRecords" -> page.totalRecords = intValue(parser, token);
                    case "records" -> {
                        if (token != JsonToken.VALUE_NULL) {
                            expect(parser, token, JsonToken.START_ARRAY);
                            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                                expect(parser, token, JsonToken.START_OBJECT);
                                records.read(parser);
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            expect(parser, parser.currentToken(), JsonToken.END_OBJECT);
        }
    }

    /** Reads a record's {@code data} object into the record's builder. */
    private interface DataReader<B> {
        void read(B builder, JsonParser parser, JsonToken token) throws IOException;
    }

    /**
     * The fields of one of the SDK's two record classes, which share their wire fields but no interface: how to start,
     * fill and build one.
     */
    private record Model<B, R>(
            Supplier<B> builder, BiConsumer<B, Long> commitTimestamp, BiConsumer<B, Map<String, String>> eventId,
            DataReader<B> data, BiConsumer<B, String> op, BiConsumer<B, Boolean> isLastOp, Function<B, R> build) {
    }

    private static final Model<PropertygraphRecord.Builder, PropertygraphRecord> PROPERTYGRAPH = new Model<>(
            PropertygraphRecord::builder, PropertygraphRecord.Builder::commitTimestampInMillis,
            PropertygraphRecord.Builder::eventId,
            (record, parser, token) -> record.data(token == JsonToken.VALUE_NULL ? null : propertygraphData(parser, token)),
            PropertygraphRecord.Builder::op, PropertygraphRecord.Builder::isLastOp, PropertygraphRecord.Builder::build);

    private static final Model<SparqlRecord.Builder, SparqlRecord> SPARQL = new Model<>(
            SparqlRecord::builder, SparqlRecord.Builder::commitTimestampInMillis, SparqlRecord.Builder::eventId,
            (record, parser, token) -> record.data(token == JsonToken.VALUE_NULL ? null : sparqlData(parser, token)),
            SparqlRecord.Builder::op, SparqlRecord.Builder::isLastOp, SparqlRecord.Builder::build);

    /** Reads one record of {@code model}'s class, noting its position in {@code page}. */
    private static <B, R> R record(JsonParser parser, Page page, Model<B, R> model) throws IOException {
        B record = model.builder().get();
        Map<String, String> eventId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "commitTimestamp" -> model.commitTimestamp().accept(record, longValue(parser, token));
                case "eventId" -> model.eventId().accept(record, eventId = stringMap(parser, token));
                case "data" -> model.data().read(record, parser, token);
                case "op" -> model.op().accept(record, repeated(string(parser, token)));
                case "isLastOp" -> model.isLastOp().accept(record, booleanValue(parser, token));
                default -> parser.skipChildren();
            }
        }
        page.position(eventId);
        return model.build().apply(record);
    }

    private static PropertygraphData propertygraphData(JsonParser parser, JsonToken token) throws IOException {
        expect(parser, token, JsonToken.START_OBJECT);
        PropertygraphData.Builder data = PropertygraphData.builder();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            token = parser.nextToken();
            switch (field) {
                case "id" -> data.id(string(parser, token));
                case "type" -> data.type(repeated(string(parser, token)));
                case "key" -> data.key(string(parser, token));
                case "value" -> data.value(document(parser, token));
                case "from" -> data.from(string(parser, token));
                case "to" -> data.to(string(parser, token));
                default -> parser.skipChildren();
            }
        }
        return data.build();
    }

    private static SparqlData sparqlData(JsonParser parser, JsonToken token) throws IOException {
        expect(parser, token, JsonToken.START_OBJECT);
        SparqlData.Builder data = SparqlData.builder();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            token = parser.nextToken();
            if ("stmt".equals(field)) {
                data.stmt(string(parser, token));
            } else {
                parser.skipChildren();
            }
        }
        return data.build();
    }

    /** A JSON value as the SDK's document unmarshaller builds it: numbers keep their text. */
    private static Document document(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return Document.fromString(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return Document.fromNumber(parser.getText());
            case VALUE_TRUE:
                return Document.fromBoolean(true);
            case VALUE_FALSE:
                return Document.fromBoolean(false);
            case VALUE_NULL:
                return Document.fromNull();
            case START_ARRAY: {
                Document.ListBuilder list = Document.listBuilder();
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.addDocument(document(parser, token));
                }
                return list.build();
            }
            case START_OBJECT: {
                Document.MapBuilder map = Document.mapBuilder();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    token = parser.nextToken();
                    Document type = token == JsonToken.VALUE_STRING && "dataType".equals(key)
                            ? DATA_TYPES.get(parser.getText()) : null;
                    map.putDocument(key, type != null ? type : document(parser, token));
                }
                return map.build();
            }
            default:
                throw new JsonParseException(parser, "unexpected token " + token + " for a document value");
        }
    }

    /** An object of scalars, each kept as its text (eventId's numbers are strings in the SDK's model). */
    private static Map<String, String> stringMap(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, token, JsonToken.START_OBJECT);
        Map<String, String> map = new LinkedHashMap<>(4);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            map.put(key, string(parser, parser.nextToken()));
        }
        return map;
    }

    private static String repeated(String value) {
        String kept = value != null ? REPEATED.get(value) : null;
        return kept != null ? kept : value;
    }

    private static String string(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw new JsonParseException(parser, "expected a string, not " + token);
        }
        return parser.getText();
    }

    private static Long longValue(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            return Long.valueOf(parser.getText().trim());
        }
        expect(parser, token, JsonToken.VALUE_NUMBER_INT);
        return parser.getLongValue();
    }

    private static Integer intValue(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            return Integer.valueOf(parser.getText().trim());
        }
        expect(parser, token, JsonToken.VALUE_NUMBER_INT);
        return parser.getIntValue();
    }

    private static Boolean booleanValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_STRING -> Boolean.valueOf(parser.getText().trim());
            default -> throw new JsonParseException(parser, "expected a boolean, not " + token);
        };
    }

    private static void expect(JsonParser parser, JsonToken token, JsonToken expected) throws IOException {
        if (token != expected) {
            throw new JsonParseException(parser, "expected " + expected + ", not " + token);
        }
    }
}
