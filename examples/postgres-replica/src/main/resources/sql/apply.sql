-- Applies one exchange of the change stream: a record (its JSON object) or a batch or transaction (a JSON array of
-- records), in one statement. Each record adds or removes one fact; the newest version of each fact wins:
--  - within the exchange, only the last record of each fact is kept (DISTINCT ON ... ORDER BY version DESC),
--  - in the table, a fact is written when it is new or when the stored version is older (the WHERE of each
--    ON CONFLICT), so a record that comes again, or comes late from another writer, changes nothing,
--  - a removal is written too (present = false) with its version: a tombstone, that an older ADD cannot undo.
WITH records AS (
    SELECT r -> 'data' AS data, r ->> 'op' = 'ADD' AS present, CAST(r ->> 'version' AS bigint) AS version
    FROM (SELECT CAST(:#${bodyAs(String)} AS jsonb) AS body) AS exchange,
         jsonb_array_elements(CASE jsonb_typeof(body) WHEN 'array' THEN body ELSE jsonb_build_array(body) END) AS r
),
labels AS (
    SELECT DISTINCT ON (data ->> 'id', data -> 'value' ->> 'value')
           data ->> 'id' AS vertex_id, data -> 'value' ->> 'value' AS label, present, version
    FROM records WHERE data ->> 'type' = 'vl'
    ORDER BY data ->> 'id', data -> 'value' ->> 'value', version DESC
),
vertex_values AS (
    SELECT DISTINCT ON (data ->> 'id', data ->> 'key', data -> 'value')
           data ->> 'id' AS vertex_id, data ->> 'key' AS key, data -> 'value' ->> 'dataType' AS data_type,
           data -> 'value' -> 'value' AS value, present, version
    FROM records WHERE data ->> 'type' = 'vp'
    ORDER BY data ->> 'id', data ->> 'key', data -> 'value', version DESC
),
edges AS (
    SELECT DISTINCT ON (data ->> 'id')
           data ->> 'id' AS edge_id, data -> 'value' ->> 'value' AS label, data ->> 'from' AS from_id,
           data ->> 'to' AS to_id, present, version
    FROM records WHERE data ->> 'type' = 'e'
    ORDER BY data ->> 'id', version DESC
),
edge_values AS (
    SELECT DISTINCT ON (data ->> 'id', data ->> 'key', data -> 'value')
           data ->> 'id' AS edge_id, data ->> 'key' AS key, data -> 'value' ->> 'dataType' AS data_type,
           data -> 'value' -> 'value' AS value, present, version
    FROM records WHERE data ->> 'type' = 'ep'
    ORDER BY data ->> 'id', data ->> 'key', data -> 'value', version DESC
),
applied_labels AS (
    INSERT INTO vertex_label AS stored (vertex_id, label, present, version)
    SELECT vertex_id, label, present, version FROM labels
    ON CONFLICT (vertex_id, label) DO UPDATE SET present = excluded.present, version = excluded.version
        WHERE stored.version < excluded.version
    RETURNING 1
),
applied_vertex_values AS (
    -- tag::upsert[]
    INSERT INTO vertex_property AS stored (vertex_id, key, data_type, value, present, version)
    SELECT vertex_id, key, data_type, value, present, version FROM vertex_values
    ON CONFLICT (vertex_id, key, value_hash) DO UPDATE SET present = excluded.present, version = excluded.version
        WHERE stored.version < excluded.version
    -- end::upsert[]
    RETURNING 1
),
applied_edges AS (
    INSERT INTO edge AS stored (edge_id, label, from_id, to_id, present, version)
    SELECT edge_id, label, from_id, to_id, present, version FROM edges
    ON CONFLICT (edge_id) DO UPDATE SET label = excluded.label, from_id = excluded.from_id, to_id = excluded.to_id,
        present = excluded.present, version = excluded.version
        WHERE stored.version < excluded.version
    RETURNING 1
),
applied_edge_values AS (
    INSERT INTO edge_property AS stored (edge_id, key, data_type, value, present, version)
    SELECT edge_id, key, data_type, value, present, version FROM edge_values
    ON CONFLICT (edge_id, key, value_hash) DO UPDATE SET present = excluded.present, version = excluded.version
        WHERE stored.version < excluded.version
    RETURNING 1
)
SELECT (SELECT count(*) FROM applied_labels) + (SELECT count(*) FROM applied_vertex_values)
       + (SELECT count(*) FROM applied_edges) + (SELECT count(*) FROM applied_edge_values) AS applied
