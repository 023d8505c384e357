-- Who made every e-Kinerja entry of a period on time, per employee and year in one row: a bit per month
-- (bit 0 = January) for "had entries due" and for "had a due entry not on time" (late or missing). The
-- share of fully compliant employees over whole months then reads one row per employee and year instead
-- of one per employee, kind and month (at 100,000 employees a year was 2 M rows and a fifth of a second).
-- Rebuilt from rollup_ekinerja_employee_month for each year a classification pass touched
-- (etl/load/ekinerja-due.ts); rows of an employee who moved units in the year stay one per unit, so a
-- unit's figure counts only the months spent in it, as the month rollup does.

CREATE TABLE IF NOT EXISTS rollup_ekinerja_employee_year
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    employee_id String,
    year UInt16,
    due_mask UInt16,
    late_mask UInt16
)
ENGINE = MergeTree
PARTITION BY year
ORDER BY (region_id, unit_id, year, employee_id);

CREATE TABLE IF NOT EXISTS rollup_ekinerja_employee_year_stage
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    employee_id String,
    year UInt16,
    due_mask UInt16,
    late_mask UInt16
)
ENGINE = MergeTree
PARTITION BY year
ORDER BY (region_id, unit_id, year, employee_id);
