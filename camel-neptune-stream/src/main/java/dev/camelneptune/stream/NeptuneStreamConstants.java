package dev.camelneptune.stream;

import org.apache.camel.spi.Metadata;

/**
 * The headers each change record's exchange carries; a batch or transaction exchange carries the last group (record
 * count, first and last position, transaction part).
 */
public interface NeptuneStreamConstants {

    @Metadata(label = "consumer", description = "The commit (transaction) number of the record (groupByTransaction: of the"
                                                + " transaction).",
              javaType = "Long")
    String COMMIT_NUM = "CamelNeptuneStreamCommitNum";
    @Metadata(label = "consumer", description = "The operation number of the record within its commit, from 1.",
              javaType = "Long")
    String OP_NUM = "CamelNeptuneStreamOpNum";
    @Metadata(label = "consumer",
              description = "The record's version: one number that orders records exactly as their positions (commitNum,"
                            + " opNum) do, `((commitNum + 1) << 24) | opNum`, for sinks that keep the newest version of"
                            + " each fact (OpenSearch external versions, SQL `WHERE stored.version < new.version`). Never"
                            + " negative; neptune-export's snapshot records (commitNum -1, opNum 0) have version 0, before"
                            + " every stream record. Exact for commitNum up to 2^39 - 2 and opNum up to 2^24 - 1 (16,777,215"
                            + " records in one commit); a record beyond has no version (no header, no JSON field). Batches and transactions: each record's JSON has it as"
                            + " `version`.",
              javaType = "Long")
    String VERSION = "CamelNeptuneStreamVersion";
    @Metadata(label = "consumer", description = "The operation: `ADD` or `REMOVE`.", javaType = "String")
    String OP = "CamelNeptuneStreamOp";
    @Metadata(label = "consumer",
              description = "Whether the record is the last operation of its transaction (false when the record does not say).",
              javaType = "Boolean")
    String IS_LAST_OP = "CamelNeptuneStreamIsLastOp";
    @Metadata(label = "consumer",
              description = "When the record's transaction was committed, in milliseconds since the epoch (batches: of"
                            + " the last record).",
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

    @Metadata(label = "consumer",
              description = "Batches and transactions: how many records the exchange holds.", javaType = "Integer")
    String RECORD_COUNT = "CamelNeptuneStreamRecordCount";
    @Metadata(label = "consumer",
              description = "Batches and transactions: the position of the exchange's first record, as `commitNum:opNum`.",
              javaType = "String")
    String FIRST_POSITION = "CamelNeptuneStreamFirstPosition";
    @Metadata(label = "consumer",
              description = "Batches and transactions: the position of the exchange's last record, as `commitNum:opNum`"
                            + " (the position stored once the exchange, or the last part of its transaction, succeeds).",
              javaType = "String")
    String LAST_POSITION = "CamelNeptuneStreamLastPosition";
    @Metadata(label = "consumer",
              description = "groupByTransaction: which part of its transaction the exchange is, from 1 (a transaction"
                            + " larger than transactionPartSize comes in several parts).",
              javaType = "Integer")
    String TRANSACTION_PART = "CamelNeptuneStreamTransactionPart";
    @Metadata(label = "consumer",
              description = "groupByTransaction: whether the exchange holds the last part of its transaction.",
              javaType = "Boolean")
    String TRANSACTION_LAST_PART = "CamelNeptuneStreamTransactionLastPart";
}
