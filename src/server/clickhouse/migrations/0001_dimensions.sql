-- Dimension tables, synced from the relational store by the ETL. ReplacingMergeTree keyed by id
-- with a version: a re-synced row replaces the older copy, so re-loading never doubles anything.

CREATE TABLE IF NOT EXISTS dim_region
(
    region_id String,
    code String,
    name String,
    timezone LowCardinality(String),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY region_id;

CREATE TABLE IF NOT EXISTS dim_unit
(
    unit_id String,
    region_id String,
    parent_id Nullable(String),
    code String,
    name String,
    -- ids from the root down to this unit, for "this unit and its sub-units" filters
    path Array(String),
    active Bool,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (region_id, unit_id);
