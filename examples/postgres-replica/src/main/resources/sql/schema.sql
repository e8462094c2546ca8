-- The replica: one row per fact, with the version of the last record that changed it and whether that record added
-- (present) or removed it (a tombstone). A vertex is there while one of its labels is present. The views show the
-- graph as it is. Values are the records' JSON values (a string, a number, a boolean) with their dataType.
CREATE TABLE IF NOT EXISTS vertex_label (
    vertex_id text NOT NULL,
    label text NOT NULL,
    present boolean NOT NULL,
    version bigint NOT NULL,
    PRIMARY KEY (vertex_id, label)
);
-- a property fact is one value of a key: the key holds a set of values (set cardinality) or one (single)
CREATE TABLE IF NOT EXISTS vertex_property (
    vertex_id text NOT NULL,
    key text NOT NULL,
    data_type text NOT NULL,
    value jsonb NOT NULL,
    value_hash text GENERATED ALWAYS AS (md5(data_type || ' ' || value::text)) STORED,
    present boolean NOT NULL,
    version bigint NOT NULL,
    PRIMARY KEY (vertex_id, key, value_hash)
);
CREATE TABLE IF NOT EXISTS edge (
    edge_id text PRIMARY KEY,
    label text NOT NULL,
    from_id text NOT NULL,
    to_id text NOT NULL,
    present boolean NOT NULL,
    version bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS edge_property (
    edge_id text NOT NULL,
    key text NOT NULL,
    data_type text NOT NULL,
    value jsonb NOT NULL,
    value_hash text GENERATED ALWAYS AS (md5(data_type || ' ' || value::text)) STORED,
    present boolean NOT NULL,
    version bigint NOT NULL,
    PRIMARY KEY (edge_id, key, value_hash)
);
CREATE OR REPLACE VIEW vertices AS
    SELECT vertex_id, array_agg(label ORDER BY label) AS labels FROM vertex_label WHERE present GROUP BY vertex_id;
CREATE OR REPLACE VIEW vertex_properties AS
    SELECT vertex_id, key, data_type, value FROM vertex_property WHERE present;
CREATE OR REPLACE VIEW edges AS
    SELECT edge_id, label, from_id, to_id FROM edge WHERE present;
CREATE OR REPLACE VIEW edge_properties AS
    SELECT edge_id, key, data_type, value FROM edge_property WHERE present;
