-- Facts and rollups the dashboards read. Loaded only by the ETL (etl/).
--
-- Re-loading never doubles anything. The mechanism, chosen because the rollups are materialized views
-- (which see every INSERT, so ReplacingMergeTree alone would double the rollups):
--   * every ETL insert carries insert_deduplication_token = "<generation>:<source>:<chunk>" where the
--     chunk is deterministic (an import batch's n-th chunk, or a watermark range of a relational source);
--   * fact and rollup tables keep the ids of their last blocks (non_replicated_deduplication_window; a
--     replicated table does the same by default) and the insert sets
--     deduplicate_blocks_in_dependent_materialized_views, so a chunk inserted again after a crash is
--     skipped in the fact table and in every rollup;
--   * a full rebuild truncates and bumps the generation, so the same chunks load again.
-- Dimensions and the request-state table are ReplacingMergeTree(version) read with argMax (no FINAL).
-- Ids of regions, units, service types and employees (tens of thousands at most) are LowCardinality:
-- about twice as fast to load and sort as plain strings.

CREATE TABLE IF NOT EXISTS dim_employee
(
    employee_id String,
    region_id String,
    unit_id String,
    nip String,
    name String,
    gender LowCardinality(String),
    employment_type LowCardinality(String),
    rank LowCardinality(String),
    position String,
    appointed_on Date,
    retired_on Nullable(Date),
    active Bool,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (region_id, employee_id);

CREATE TABLE IF NOT EXISTS dim_service_type
(
    service_type_id String,
    region_id String,
    code String,
    name_id String,
    name_en String,
    sla_days UInt16,
    active Bool,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (region_id, service_type_id);

CREATE TABLE IF NOT EXISTS dim_holiday
(
    region_id String,
    date Date,
    kind LowCardinality(String),
    name String,
    deleted UInt8,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (region_id, date);

-- One row per status event. stage_wd = working days spent in the previous status (where requests wait).
CREATE TABLE IF NOT EXISTS fact_request_event
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    service_type_id LowCardinality(String),
    request_id String,
    event_id UInt64,
    status LowCardinality(String),
    prev_status LowCardinality(String),
    at DateTime64(3, 'UTC'),
    day Date,
    stage_wd UInt16
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region_id, unit_id, service_type_id, day, request_id, event_id)
SETTINGS non_replicated_deduplication_window = 10000;

-- One row per finished request (completed or rejected): processing time in working days.
CREATE TABLE IF NOT EXISTS fact_request_done
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    service_type_id LowCardinality(String),
    request_id String,
    employee_id LowCardinality(String),
    outcome LowCardinality(String),
    submitted_at DateTime64(3, 'UTC'),
    done_at DateTime64(3, 'UTC'),
    submitted_day Date,
    day Date,
    processing_wd UInt16,
    sla_days UInt16,
    breached UInt8,
    returned UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region_id, unit_id, service_type_id, day, request_id)
SETTINGS non_replicated_deduplication_window = 10000;

-- The latest state of every request, for backlog and overdue lists. Read with argMax(…, version).
CREATE TABLE IF NOT EXISTS fact_request_state
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    service_type_id LowCardinality(String),
    request_id String,
    number String,
    status LowCardinality(String),
    submitted_at DateTime64(3, 'UTC'),
    done_at Nullable(DateTime64(3, 'UTC')),
    sla_due_day Date,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (region_id, request_id);

-- One row per employee per day from the attendance exports.
CREATE TABLE IF NOT EXISTS fact_attendance
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    employee_id LowCardinality(String),
    day Date,
    status LowCardinality(String),
    check_in Nullable(UInt16),
    check_out Nullable(UInt16),
    late_minutes UInt16,
    batch_id UInt32,
    line UInt32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region_id, unit_id, day, employee_id)
SETTINGS non_replicated_deduplication_window = 10000;

-- One row per e-Kinerja entry that was due: on time, late, or missing.
CREATE TABLE IF NOT EXISTS fact_ekinerja
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    employee_id LowCardinality(String),
    kind LowCardinality(String),
    period Date,
    deadline Date,
    submitted_at Nullable(DateTime64(3, 'UTC')),
    state LowCardinality(String),
    approval LowCardinality(String),
    batch_id UInt32,
    line UInt32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(period)
ORDER BY (region_id, unit_id, kind, period, employee_id)
SETTINGS non_replicated_deduplication_window = 10000;

-- Rollups per unit per day, so region-wide dashboards never scan raw rows.
CREATE TABLE IF NOT EXISTS rollup_request_daily
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    service_type_id LowCardinality(String),
    day Date,
    completed SimpleAggregateFunction(sum, UInt64),
    rejected SimpleAggregateFunction(sum, UInt64),
    breached SimpleAggregateFunction(sum, UInt64),
    returned SimpleAggregateFunction(sum, UInt64),
    processing_wd_sum SimpleAggregateFunction(sum, UInt64),
    processing_wd_q AggregateFunction(quantilesTiming(0.5, 0.9), UInt16)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region_id, unit_id, service_type_id, day)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_request_daily TO rollup_request_daily AS
SELECT
    region_id, unit_id, service_type_id, day,
    toUInt64(countIf(outcome = 'COMPLETED')) AS completed,
    toUInt64(countIf(outcome = 'REJECTED')) AS rejected,
    toUInt64(sum(breached)) AS breached,
    toUInt64(sum(returned > 0)) AS returned,
    toUInt64(sumIf(processing_wd, outcome = 'COMPLETED')) AS processing_wd_sum,
    quantilesTimingStateIf(0.5, 0.9)(processing_wd, outcome = 'COMPLETED') AS processing_wd_q
FROM fact_request_done
GROUP BY region_id, unit_id, service_type_id, day;

CREATE TABLE IF NOT EXISTS rollup_request_stage_daily
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    service_type_id LowCardinality(String),
    day Date,
    stage LowCardinality(String),
    transitions SimpleAggregateFunction(sum, UInt64),
    stage_wd_sum SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region_id, unit_id, service_type_id, day, stage)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_request_stage_daily TO rollup_request_stage_daily AS
SELECT
    region_id, unit_id, service_type_id, day, prev_status AS stage,
    toUInt64(count()) AS transitions,
    toUInt64(sum(stage_wd)) AS stage_wd_sum
FROM fact_request_event
WHERE prev_status != ''
GROUP BY region_id, unit_id, service_type_id, day, stage;

CREATE TABLE IF NOT EXISTS rollup_attendance_daily
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    day Date,
    rows SimpleAggregateFunction(sum, UInt64),
    due SimpleAggregateFunction(sum, UInt64),
    present SimpleAggregateFunction(sum, UInt64),
    late SimpleAggregateFunction(sum, UInt64),
    late_minutes SimpleAggregateFunction(sum, UInt64),
    early_leave SimpleAggregateFunction(sum, UInt64),
    absent_tk SimpleAggregateFunction(sum, UInt64),
    excused SimpleAggregateFunction(sum, UInt64),
    on_leave SimpleAggregateFunction(sum, UInt64),
    tl1 SimpleAggregateFunction(sum, UInt64),
    tl2 SimpleAggregateFunction(sum, UInt64),
    tl3 SimpleAggregateFunction(sum, UInt64),
    tl4 SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region_id, unit_id, day)
SETTINGS non_replicated_deduplication_window = 10000;

-- due: a working day the employee was expected at work (not a holiday, not on leave or study duty).
CREATE MATERIALIZED VIEW IF NOT EXISTS mv_attendance_daily TO rollup_attendance_daily AS
SELECT
    region_id, unit_id, day,
    toUInt64(count()) AS rows,
    toUInt64(countIf(status NOT IN ('L', 'CT', 'TB'))) AS due,
    toUInt64(countIf(status IN ('H', 'TL1', 'TL2', 'TL3', 'TL4', 'PSW1', 'PSW2', 'PSW3', 'PSW4', 'DL'))) AS present,
    toUInt64(countIf(startsWith(status, 'TL'))) AS late,
    toUInt64(sum(late_minutes)) AS late_minutes,
    toUInt64(countIf(startsWith(status, 'PSW'))) AS early_leave,
    toUInt64(countIf(status = 'TK')) AS absent_tk,
    toUInt64(countIf(status IN ('I', 'S'))) AS excused,
    toUInt64(countIf(status = 'CT')) AS on_leave,
    toUInt64(countIf(status = 'TL1')) AS tl1,
    toUInt64(countIf(status = 'TL2')) AS tl2,
    toUInt64(countIf(status = 'TL3')) AS tl3,
    toUInt64(countIf(status = 'TL4')) AS tl4
FROM fact_attendance
GROUP BY region_id, unit_id, day;

CREATE TABLE IF NOT EXISTS rollup_ekinerja_daily
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    kind LowCardinality(String),
    period Date,
    due SimpleAggregateFunction(sum, UInt64),
    on_time SimpleAggregateFunction(sum, UInt64),
    late SimpleAggregateFunction(sum, UInt64),
    missing SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(period)
ORDER BY (region_id, unit_id, kind, period)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_ekinerja_daily TO rollup_ekinerja_daily AS
SELECT
    region_id, unit_id, kind, period,
    toUInt64(count()) AS due,
    toUInt64(countIf(state = 'on_time')) AS on_time,
    toUInt64(countIf(state = 'late')) AS late,
    toUInt64(countIf(state = 'missing')) AS missing
FROM fact_ekinerja
GROUP BY region_id, unit_id, kind, period;
