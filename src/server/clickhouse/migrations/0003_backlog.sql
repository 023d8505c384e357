-- Open and overdue requests per unit, service and day, as of the ETL run that computed them: the
-- dashboards' backlog tiles and trends read a few rows here instead of every request's state.
-- Recomputed whole (a snapshot) after each run that changed requests; readers take the newest
-- complete snapshot, which is recorded in backlog_snapshot only after all its rows are in.

CREATE TABLE IF NOT EXISTS rollup_backlog_daily
(
    snapshot UInt64,
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    service_type_id LowCardinality(String),
    day Date,
    open UInt32,
    overdue UInt32
)
ENGINE = MergeTree
ORDER BY (snapshot, region_id, unit_id, service_type_id, day);

CREATE TABLE IF NOT EXISTS backlog_snapshot
(
    snapshot UInt64,
    up_to Date,
    at DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY snapshot;
