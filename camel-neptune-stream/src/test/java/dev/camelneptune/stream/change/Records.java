package dev.camelneptune.stream.change;

import java.util.Map;

import dev.camelneptune.stream.StreamPosition;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphData;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.SparqlData;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

/** Stream records built with the SDK's builders, as Neptune documents them, for tests of the fold. */
public final class Records {

    private Records() {
    }

    /** The version of position commitNum:opNum. */
    public static long v(long commitNum, long opNum) {
        return StreamPosition.version(commitNum, opNum);
    }

    /** A record's value object, {@code {"value": v, "dataType": "T"}}, as the SDK parses it. */
    public static Document value(Object value) {
        Document.MapBuilder map = Document.mapBuilder();
        String dataType;
        if (value instanceof String s) {
            map.putString("value", s);
            dataType = "String";
        } else if (value instanceof Boolean b) {
            map.putBoolean("value", b);
            dataType = "Boolean";
        } else if (value instanceof Double d) {
            map.putNumber("value", d);
            dataType = "Double";
        } else if (value instanceof Integer i) {
            map.putNumber("value", i);
            dataType = "Integer";
        } else {
            map.putNumber("value", (Long) value);
            dataType = "Long";
        }
        return map.putString("dataType", dataType).build();
    }

    public static PropertygraphRecord record(
            long commitNum, long opNum, String op, String type, String id, String key, Object value, String from,
            String to) {
        return PropertygraphRecord.builder()
                .commitTimestampInMillis(1_700_000_000_000L)
                .eventId(Map.of("commitNum", String.valueOf(commitNum), "opNum", String.valueOf(opNum)))
                .op(op)
                .data(PropertygraphData.builder().id(id).type(type).key(key).value(value(value)).from(from).to(to).build())
                .build();
    }

    /** A vertex label record ({@code vl}). */
    public static PropertygraphRecord vl(long commitNum, long opNum, String op, String id, String label) {
        return record(commitNum, opNum, op, "vl", id, "label", label, null, null);
    }

    /** A vertex property record ({@code vp}). */
    public static PropertygraphRecord vp(long commitNum, long opNum, String op, String id, String key, Object value) {
        return record(commitNum, opNum, op, "vp", id, key, value, null, null);
    }

    /** An edge record ({@code e}): its label and endpoints. */
    public static PropertygraphRecord e(
            long commitNum, long opNum, String op, String id, String label, String from, String to) {
        return record(commitNum, opNum, op, "e", id, "label", label, from, to);
    }

    /** An edge property record ({@code ep}). */
    public static PropertygraphRecord ep(long commitNum, long opNum, String op, String id, String key, Object value) {
        return record(commitNum, opNum, op, "ep", id, key, value, null, null);
    }

    /** An RDF statement record. */
    public static SparqlRecord stmt(long commitNum, long opNum, String op, String statement) {
        return SparqlRecord.builder()
                .commitTimestampInMillis(1_700_000_000_000L)
                .eventId(Map.of("commitNum", String.valueOf(commitNum), "opNum", String.valueOf(opNum)))
                .op(op)
                .data(SparqlData.builder().stmt(statement).build())
                .build();
    }
}
