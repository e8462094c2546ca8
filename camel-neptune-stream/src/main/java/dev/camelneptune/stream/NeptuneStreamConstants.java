package dev.camelneptune.stream;

import org.apache.camel.spi.Metadata;

/** The headers each change record's exchange carries. */
public interface NeptuneStreamConstants {

    @Metadata(label = "consumer", description = "The commit (transaction) number of the record.", javaType = "Long")
    String COMMIT_NUM = "CamelNeptuneStreamCommitNum";
    @Metadata(label = "consumer", description = "The operation number of the record within its commit, from 1.",
              javaType = "Long")
    String OP_NUM = "CamelNeptuneStreamOpNum";
    @Metadata(label = "consumer", description = "The operation: `ADD` or `REMOVE`.", javaType = "String")
    String OP = "CamelNeptuneStreamOp";
    @Metadata(label = "consumer",
              description = "Whether the record is the last operation of its transaction (false when the record does not say).",
              javaType = "Boolean")
    String IS_LAST_OP = "CamelNeptuneStreamIsLastOp";
    @Metadata(label = "consumer", description = "When the record's transaction was committed, in milliseconds since the epoch.",
              javaType = "Long")
    String COMMIT_TIMESTAMP = "CamelNeptuneStreamCommitTimestamp";
    @Metadata(label = "consumer", description = "Property graph: the id of the vertex or edge the record changes.",
              javaType = "String")
    String ELEMENT_ID = "CamelNeptuneStreamElementId";
    @Metadata(label = "consumer",
              description = "Property graph: the record type, `vl` (vertex label), `vp` (vertex property), `e` (edge) or `ep` (edge property).",
              javaType = "String")
    String ELEMENT_TYPE = "CamelNeptuneStreamElementType";
    @Metadata(label = "consumer", description = "Property graph: the property name, or `label` for vl and e records.",
              javaType = "String")
    String KEY = "CamelNeptuneStreamKey";
    @Metadata(label = "consumer", description = "Property graph, edge records: the id of the source vertex.",
              javaType = "String")
    String FROM = "CamelNeptuneStreamFrom";
    @Metadata(label = "consumer", description = "Property graph, edge records: the id of the target vertex.",
              javaType = "String")
    String TO = "CamelNeptuneStreamTo";
    @Metadata(label = "consumer", description = "SPARQL: the statement added or removed, in N-Quads.", javaType = "String")
    String STATEMENT = "CamelNeptuneStreamStatement";
}
