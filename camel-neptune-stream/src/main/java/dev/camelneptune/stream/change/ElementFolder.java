package dev.camelneptune.stream.change;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.stream.change.ElementChange.Type;
import dev.camelneptune.stream.page.SparqlStreamReader;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphData;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

/**
 * Folds records, one at a time in stream order, into one {@link ElementChange} per element. Each fact (a label, a
 * property value, a statement) keeps the operation and version of its last record; the order of the records decides
 * which is last, not their versions (snapshot records all share one position).
 */
final class ElementFolder {

    private static final String ADD = "ADD";
    private static final String REMOVE = "REMOVE";

    /** The elements, in the order of their first record. */
    private final Map<ElementKey, Element> elements = new LinkedHashMap<>();

    /** A vertex and an edge may share an id: they are two elements. */
    private record ElementKey(Type type, String id) {
    }

    /** A property value: the same key with two values is two facts (set cardinality). */
    private record ValueKey(String key, Document value) {
    }

    /** The last word on one fact: whether it ends added, and the fact with the version of that record. */
    private record Decided<F>(boolean added, F fact) {
    }

    void add(Object record) {
        if (record instanceof PropertygraphRecord propertygraph) {
            add(propertygraph);
        } else if (record instanceof SparqlRecord sparql) {
            add(sparql);
        } else {
            throw new IllegalArgumentException(
                    "element changes fold Neptune stream records (PropertygraphRecord, SparqlRecord), not "
                                               + (record == null ? "null" : record.getClass().getName()));
        }
    }

    private void add(PropertygraphRecord record) {
        StreamPosition position = StreamPosition.of(record.eventId());
        boolean added = added(record.op(), position);
        PropertygraphData data = record.data();
        if (data == null || data.id() == null || data.type() == null) {
            throw new IllegalArgumentException("stream record " + position + " has no data id and type to fold");
        }
        long version = position.version();
        switch (data.type()) {
            case "vl" -> element(Type.VERTEX, data.id()).label(added, labelOf(data.value()), version);
            case "e" -> {
                Element edge = element(Type.EDGE, data.id());
                edge.endpoints(labelOf(data.value()), data.from(), data.to());
                edge.label(added, labelOf(data.value()), version);
            }
            case "vp" -> element(Type.VERTEX, data.id()).property(added, data.key(), data.value(), version);
            case "ep" -> element(Type.EDGE, data.id()).property(added, data.key(), data.value(), version);
            default -> throw new IllegalArgumentException(
                    "stream record " + position + " has type " + data.type()
                                                          + ": a property-graph record is vl, vp, e or ep");
        }
    }

    private void add(SparqlRecord record) {
        StreamPosition position = StreamPosition.of(record.eventId());
        boolean added = added(record.op(), position);
        String subject = SparqlStreamReader.subject(record);
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("stream record " + position + " has no statement to fold");
        }
        element(Type.SUBJECT, subject).statement(added, record.data().stmt(), position.version());
    }

    private static boolean added(String op, StreamPosition position) {
        if (ADD.equals(op)) {
            return true;
        }
        if (REMOVE.equals(op)) {
            return false;
        }
        throw new IllegalArgumentException("stream record " + position + " has op " + op + ": it must be ADD or REMOVE");
    }

    private Element element(Type type, String id) {
        return elements.computeIfAbsent(new ElementKey(type, id), key -> new Element(type, id));
    }

    ElementChanges changes() {
        List<ElementChange> changes = new ArrayList<>(elements.size());
        for (Element element : elements.values()) {
            changes.add(element.change());
        }
        return new ElementChanges(changes);
    }

    /** A label is the {@code value} of its record's value object, {@code {"value": "person", "dataType": "String"}}. */
    private static String labelOf(Document value) {
        Object plain = plain(valueOf(value));
        return plain == null ? null : plain.toString();
    }

    /** The {@code value} of a record's value object, or the whole document if it is not one. */
    private static Document valueOf(Document value) {
        if (value != null && value.isMap() && value.asMap().containsKey("value")) {
            return value.asMap().get("value");
        }
        return value;
    }

    /** The {@code dataType} of a record's value object, null if it has none. */
    private static String dataTypeOf(Document value) {
        if (value != null && value.isMap()) {
            Document dataType = value.asMap().get("dataType");
            if (dataType != null && dataType.isString()) {
                return dataType.asString();
            }
        }
        return null;
    }

    /** A document as plain Java: String, Long (BigInteger beyond a long), Double, Boolean, List, Map, or null. */
    static Object plain(Document document) {
        if (document == null || document.isNull()) {
            return null;
        }
        if (document.isString()) {
            return document.asString();
        }
        if (document.isBoolean()) {
            return document.asBoolean();
        }
        if (document.isNumber()) {
            String text = document.asNumber().stringValue();
            if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    return new BigInteger(text);
                }
            }
            return Double.parseDouble(text);
        }
        if (document.isList()) {
            List<Object> list = new ArrayList<>();
            for (Document element : document.asList()) {
                list.add(plain(element));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        document.asMap().forEach((key, element) -> map.put(key, plain(element)));
        return map;
    }

    /** What the records so far did to one element. */
    private static final class Element {

        private final Type type;
        private final String id;
        private String label;
        private String from;
        private String to;
        private final Map<String, Decided<ElementChange.Label>> labels = new LinkedHashMap<>();
        private final Map<ValueKey, Decided<ElementChange.Property>> properties = new LinkedHashMap<>();
        private final Map<String, Decided<ElementChange.Statement>> statements = new LinkedHashMap<>();
        /** The number of this element's records so far; the record numbers below count from 1. */
        private int records;
        private int lastLabelRecord;
        private boolean lastLabelRemoved;
        private int lastAdd;
        private long version;

        Element(Type type, String id) {
            this.type = type;
            this.id = id;
        }

        void endpoints(String label, String from, String to) {
            this.label = label;
            if (from != null) {
                this.from = from;
            }
            if (to != null) {
                this.to = to;
            }
        }

        void label(boolean added, String label, long version) {
            record(added, version);
            lastLabelRecord = records;
            lastLabelRemoved = !added;
            decide(labels, label, added, new ElementChange.Label(label, version));
        }

        void property(boolean added, String key, Document value, long version) {
            record(added, version);
            Object plain = plain(valueOf(value));
            decide(properties, new ValueKey(key, value), added,
                    new ElementChange.Property(key, plain, dataTypeOf(value), version));
        }

        void statement(boolean added, String stmt, long version) {
            record(added, version);
            decide(statements, stmt, added, new ElementChange.Statement(stmt, version));
        }

        private void record(boolean added, long version) {
            records++;
            if (added) {
                lastAdd = records;
            }
            this.version = version;
        }

        /**
         * The fact's last record decides it; moving it to the end keeps the facts in the order of their last record.
         */
        private static <K, F> void decide(Map<K, Decided<F>> facts, K key, boolean added, F fact) {
            facts.remove(key);
            facts.put(key, new Decided<>(added, fact));
        }

        ElementChange change() {
            List<ElementChange.Label> labelsAdded = new ArrayList<>();
            List<ElementChange.Label> labelsRemoved = new ArrayList<>();
            split(labels, labelsAdded, labelsRemoved);
            List<ElementChange.Property> propertiesAdded = new ArrayList<>();
            List<ElementChange.Property> propertiesRemoved = new ArrayList<>();
            split(properties, propertiesAdded, propertiesRemoved);
            List<ElementChange.Statement> statementsAdded = new ArrayList<>();
            List<ElementChange.Statement> statementsRemoved = new ArrayList<>();
            split(statements, statementsAdded, statementsRemoved);
            boolean gone = type != Type.SUBJECT && lastLabelRecord > 0 && lastLabelRemoved && lastAdd < lastLabelRecord
                    && labelsAdded.isEmpty();
            return new ElementChange(
                    id, type, label, from, to, labelsAdded, labelsRemoved, propertiesAdded,
                    propertiesRemoved, statementsAdded, statementsRemoved, gone, version);
        }

        private static <F> void split(Map<?, Decided<F>> facts, List<F> added, List<F> removed) {
            for (Decided<F> decided : facts.values()) {
                (decided.added() ? added : removed).add(decided.fact());
            }
        }
    }
}
