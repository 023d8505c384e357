-- The requests open at a backlog snapshot, one row each, written with the snapshot (etl/load/backlog.ts):
-- the service page's most urgent open requests read these few rows instead of every request's latest
-- state (at 100,000 employees 170,000 requests, half the page's time). `lists` tells snapshots taken
-- with the list from those taken before it, so the first run after the upgrade takes a new one.

CREATE TABLE IF NOT EXISTS open_request_snapshot
(
    snapshot UInt64,
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    service_type_id LowCardinality(String),
    request_id String,
    number String,
    submitted_day Date,
    sla_due_day Date
)
ENGINE = MergeTree
ORDER BY (snapshot, region_id, sla_due_day, number);

ALTER TABLE backlog_snapshot ADD COLUMN IF NOT EXISTS lists UInt8 DEFAULT 0;
