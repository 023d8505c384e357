-- Measures with one owner (src/lib/domain/): the ETL writes what each attendance day counts as (due,
-- present; src/lib/domain/attendance.ts) and when each request becomes overdue (the working day after its
-- SLA deadline; src/lib/domain/sla.ts), and the rollups only add those up. Rows loaded before this
-- migration carry zeros until the next ETL run, which rebuilds the analytics from the stored files and the
-- relational store because the rules' fingerprint (analytics_rules) changed (etl/load/rules.ts).
-- e-Kinerja entries get what they count as in fact_ekinerja_due (below), rebuilt a month at a time.

ALTER TABLE fact_attendance ADD COLUMN IF NOT EXISTS due UInt8, ADD COLUMN IF NOT EXISTS present UInt8;

ALTER TABLE fact_request_state ADD COLUMN IF NOT EXISTS overdue_from Date DEFAULT toDate('2149-06-06');

DROP VIEW IF EXISTS mv_attendance_daily;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_attendance_daily TO rollup_attendance_daily AS
SELECT
    region_id, unit_id, day,
    toUInt64(count()) AS rows,
    toUInt64(sum(due)) AS due,
    toUInt64(sum(present)) AS present,
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

-- due_days: the month's due days (a monthly e-Kinerja realisation is not due for a month without any).
ALTER TABLE rollup_attendance_employee_month ADD COLUMN IF NOT EXISTS due_days SimpleAggregateFunction(sum, UInt64);

DROP VIEW IF EXISTS mv_attendance_employee_month;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_attendance_employee_month TO rollup_attendance_employee_month AS
SELECT
    employee_id,
    toStartOfMonth(day) AS month,
    toUInt64(countIf(status != 'L')) AS days,
    toUInt64(countIf(status = 'CT')) AS leave_days,
    toUInt64(sum(due)) AS due_days
FROM fact_attendance
GROUP BY employee_id, month;

-- The fingerprint of the rules the analytics were last built with.
CREATE TABLE IF NOT EXISTS analytics_rules
(
    fingerprint String,
    at DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY at;

-- Every e-Kinerja entry with what it counts as (src/lib/domain/ekinerja.ts): due or why not (reason:
-- not_employed, leave, outage), the deadline that applies (moved by an outage) and the state against it.
-- Rebuilt a month at a time by the ETL (etl/load/ekinerja-due.ts) in the staging table, then swapped in.
CREATE TABLE IF NOT EXISTS fact_ekinerja_due
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    employee_id LowCardinality(String),
    kind LowCardinality(String),
    period Date,
    deadline Date,
    submitted_at Nullable(DateTime64(3, 'UTC')),
    state LowCardinality(String),
    due UInt8,
    reason LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(period)
ORDER BY (region_id, unit_id, kind, period, employee_id);

-- its staging twin, written out (not AS: on a cluster that would copy the replicated table's path);
-- REPLACE PARTITION needs the same columns, engine and partitions
CREATE TABLE IF NOT EXISTS fact_ekinerja_due_stage
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    employee_id LowCardinality(String),
    kind LowCardinality(String),
    period Date,
    deadline Date,
    submitted_at Nullable(DateTime64(3, 'UTC')),
    state LowCardinality(String),
    due UInt8,
    reason LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(period)
ORDER BY (region_id, unit_id, kind, period, employee_id);

-- Per unit, kind and period: what the dashboards and the public report read.
CREATE TABLE IF NOT EXISTS rollup_ekinerja_due
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    kind LowCardinality(String),
    period Date,
    due UInt64,
    on_time UInt64,
    late UInt64,
    missing UInt64,
    not_employed UInt64,
    on_leave UInt64,
    outage UInt64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(period)
ORDER BY (region_id, unit_id, kind, period);

-- its staging twin, written out (not AS: on a cluster that would copy the replicated table's path);
-- REPLACE PARTITION needs the same columns, engine and partitions
CREATE TABLE IF NOT EXISTS rollup_ekinerja_due_stage
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    kind LowCardinality(String),
    period Date,
    due UInt64,
    on_time UInt64,
    late UInt64,
    missing UInt64,
    not_employed UInt64,
    on_leave UInt64,
    outage UInt64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(period)
ORDER BY (region_id, unit_id, kind, period);

-- The outage map each region's entries were last classified with (a change reclassifies its months).
CREATE TABLE IF NOT EXISTS ekinerja_due_state
(
    region_id String,
    map String,
    at DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (region_id, at);

-- Per employee and month: due and on-time entries, so "who made every entry on time" reads employees × months,
-- not every entry (a province has 100,000 employees and 26 million daily logs a year).
CREATE TABLE IF NOT EXISTS rollup_ekinerja_employee_month
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    employee_id LowCardinality(String),
    kind LowCardinality(String),
    month Date,
    due UInt32,
    on_time UInt32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(month)
ORDER BY (region_id, unit_id, kind, month, employee_id);

-- its staging twin, written out (not AS: on a cluster that would copy the replicated table's path);
-- REPLACE PARTITION needs the same columns, engine and partitions
CREATE TABLE IF NOT EXISTS rollup_ekinerja_employee_month_stage
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    employee_id LowCardinality(String),
    kind LowCardinality(String),
    month Date,
    due UInt32,
    on_time UInt32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(month)
ORDER BY (region_id, unit_id, kind, month, employee_id);
