-- Attendance per employee per month: working-day rows (an `L`, libur, row is not one) and leave (CT) rows. The e-Kinerja compliance
-- list reads it to know which months an employee spent wholly on leave (a monthly realisation is not
-- due then) without scanning every attendance row of two years (40,000 employees: ~1M rows instead of ~20M).

CREATE TABLE IF NOT EXISTS rollup_attendance_employee_month
(
    employee_id LowCardinality(String),
    month Date,
    days SimpleAggregateFunction(sum, UInt64),
    leave_days SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYear(month)
ORDER BY (employee_id, month)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_attendance_employee_month TO rollup_attendance_employee_month AS
SELECT
    employee_id,
    toStartOfMonth(day) AS month,
    toUInt64(countIf(status != 'L')) AS days,
    toUInt64(countIf(status = 'CT')) AS leave_days
FROM fact_attendance
GROUP BY employee_id, month;

-- Attendance loaded before this migration: emptied and filled again, so running this file twice (or
-- after it was cut off) leaves the same rows.
TRUNCATE TABLE IF EXISTS rollup_attendance_employee_month;

INSERT INTO rollup_attendance_employee_month
SELECT employee_id, toStartOfMonth(day) AS month, toUInt64(countIf(status != 'L')) AS days, toUInt64(countIf(status = 'CT')) AS leave_days
FROM fact_attendance
GROUP BY employee_id, month;
