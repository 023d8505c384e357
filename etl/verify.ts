// Reconciliation: per day and per unit, the counts and sums in ClickHouse (facts and rollups) against
// the relational store and the import batches. Any difference is reported; the CLI exits non-zero.
// Every stored batch counts, loaded or not: a batch that is waiting or failed to load is valid rows
// missing from ClickHouse, and verify says so until they are there.
import { FINAL_STATUSES } from "@/lib/domain/sla";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";

export interface Difference {
  check: string;
  key: string;
  expected: string;
  actual: string;
}

export interface VerifyReport {
  checks: { name: string; keys: number }[];
  differences: Difference[];
}

type Keyed = Map<string, number[]>;

function compare(report: VerifyReport, check: string, expected: Keyed, actual: Keyed) {
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  report.checks.push({ name: check, keys: keys.size });
  for (const k of [...keys].sort()) {
    const e = expected.get(k) ?? [];
    const a = actual.get(k) ?? [];
    const width = Math.max(e.length, a.length);
    for (let i = 0; i < width; i++) {
      if ((e[i] ?? 0) !== (a[i] ?? 0)) {
        report.differences.push({ check, key: k, expected: e.join(" / ") || "—", actual: a.join(" / ") || "—" });
        break;
      }
    }
  }
}

const keyed = (rows: { k: string; v: number[] }[]): Keyed => new Map(rows.map((r) => [r.k, r.v.map(Number)]));

async function ch3(ch: ClickHouse, sql: string): Promise<Keyed> {
  const rows = await ch.query<{ k: string; a: number; b: number; c: number }>(sql);
  return keyed(rows.map((r) => ({ k: r.k, v: [r.a, r.b, r.c] })));
}

async function pg3(db: Db, sql: string, ...params: unknown[]): Promise<Keyed> {
  const rows = await db.$queryRawUnsafe<{ k: string; a: bigint | number; b: bigint | number; c: bigint | number }[]>(
    sql,
    ...params,
  );
  return keyed(rows.map((r) => ({ k: r.k, v: [Number(r.a), Number(r.b), Number(r.c)] })));
}

const OFFSET = `make_interval(hours => CASE g.timezone WHEN 'Asia/Makassar' THEN 8 WHEN 'Asia/Jayapura' THEN 9 ELSE 7 END)`;

export async function verify(db: Db, ch: ClickHouse): Promise<VerifyReport> {
  const report: VerifyReport = { checks: [], differences: [] };

  // Attendance: rows, minutes late, TK days per day and unit.
  const attSource = await pg3(
    db,
    `SELECT s.day::text || ' ' || s."unitId" AS k, sum(s.rows) AS a, sum(s."sumA") AS b, sum(s."sumB") AS c
     FROM "ImportDaySummary" s JOIN "ImportBatch" b ON b.id = s."batchId"
     WHERE b.kind = 'ATTENDANCE' GROUP BY 1`,
  );
  compare(
    report,
    "attendance: batches ↔ fact_attendance",
    attSource,
    await ch3(
      ch,
      "SELECT concat(toString(day), ' ', unit_id) AS k, count() AS a, sum(late_minutes) AS b, countIf(status = 'TK') AS c FROM fact_attendance GROUP BY k",
    ),
  );
  compare(
    report,
    "attendance: batches ↔ rollup_attendance_daily",
    attSource,
    await ch3(
      ch,
      "SELECT concat(toString(day), ' ', unit_id) AS k, sum(rows) AS a, sum(late_minutes) AS b, sum(absent_tk) AS c FROM rollup_attendance_daily GROUP BY k",
    ),
  );

  // e-Kinerja: entries due, submitted, on time per period and unit.
  const ekSource = await pg3(
    db,
    `SELECT s.day::text || ' ' || s."unitId" AS k, sum(s.rows) AS a, sum(s."sumA") AS b, sum(s."sumB") AS c
     FROM "ImportDaySummary" s JOIN "ImportBatch" b ON b.id = s."batchId"
     WHERE b.kind = 'EKINERJA' GROUP BY 1`,
  );
  compare(
    report,
    "e-Kinerja: batches ↔ fact_ekinerja",
    ekSource,
    await ch3(
      ch,
      "SELECT concat(toString(period), ' ', unit_id) AS k, count() AS a, countIf(state != 'missing') AS b, countIf(state = 'on_time') AS c FROM fact_ekinerja GROUP BY k",
    ),
  );
  compare(
    report,
    "e-Kinerja: batches ↔ rollup_ekinerja_daily",
    ekSource,
    await ch3(
      ch,
      "SELECT concat(toString(period), ' ', unit_id) AS k, sum(due) AS a, sum(on_time) + sum(late) AS b, sum(on_time) AS c FROM rollup_ekinerja_daily GROUP BY k",
    ),
  );
  // every entry classified once (etl/load/ekinerja-due.ts), and its rollup adding up what was classified
  compare(
    report,
    "e-Kinerja: fact_ekinerja ↔ fact_ekinerja_due",
    await ch3(
      ch,
      "SELECT concat(toString(period), ' ', unit_id) AS k, count() AS a, countIf(submitted_at IS NOT NULL) AS b, 0 AS c FROM fact_ekinerja GROUP BY k",
    ),
    await ch3(
      ch,
      "SELECT concat(toString(period), ' ', unit_id) AS k, count() AS a, countIf(submitted_at IS NOT NULL) AS b, 0 AS c FROM fact_ekinerja_due GROUP BY k",
    ),
  );
  compare(
    report,
    "e-Kinerja: fact_ekinerja_due ↔ rollup_ekinerja_due",
    await ch3(
      ch,
      "SELECT concat(toString(period), ' ', unit_id) AS k, countIf(due = 1) AS a, countIf(due = 1 AND state = 'on_time') AS b, countIf(due = 0) AS c FROM fact_ekinerja_due GROUP BY k",
    ),
    await ch3(
      ch,
      "SELECT concat(toString(period), ' ', unit_id) AS k, sum(due) AS a, sum(on_time) AS b, sum(not_employed) + sum(on_leave) + sum(outage) AS c FROM rollup_ekinerja_due GROUP BY k",
    ),
  );
  // who made every entry on time (the per-employee year rollup, via the month rollup): per year and unit,
  // employees with entries due, employee-months with entries due, and those with one not on time
  compare(
    report,
    "e-Kinerja: fact_ekinerja_due ↔ rollup_ekinerja_employee_year",
    await ch3(
      ch,
      `SELECT concat(toString(y), ' ', unit_id) AS k, uniqExact(employee_id) AS a, count() AS b, countIf(bad) AS c FROM (
      SELECT toYear(period) AS y, unit_id, employee_id, toMonth(period) AS m, countIf(state != 'on_time') > 0 AS bad
      FROM fact_ekinerja_due WHERE due = 1 GROUP BY y, unit_id, employee_id, m) GROUP BY k`,
    ),
    await ch3(
      ch,
      "SELECT concat(toString(year), ' ', unit_id) AS k, count() AS a, sum(bitCount(due_mask)) AS b, sum(bitCount(late_mask)) AS c FROM rollup_ekinerja_employee_year GROUP BY k",
    ),
  );

  // Request events per local day and unit: all events, events after a first one, finishing events.
  const evSource = await pg3(
    db,
    `SELECT (e."at" + ${OFFSET})::date::text || ' ' || r."unitId" AS k, count(*) AS a,
            count(*) FILTER (WHERE e.status IN (${FINAL_STATUSES.map((st) => `'${st}'`).join(", ")})) AS b, 0 AS c
     FROM "RequestEvent" e JOIN "ServiceRequest" r ON r.id = e."requestId" JOIN "Region" g ON g.id = r."regionId" GROUP BY 1`,
  );
  compare(
    report,
    "request events: relational ↔ fact_request_event/fact_request_done",
    evSource,
    await ch3(
      ch,
      `SELECT k, sum(a) AS a, sum(b) AS b, 0 AS c FROM (
         SELECT concat(toString(day), ' ', unit_id) AS k, count() AS a, 0 AS b FROM fact_request_event GROUP BY k
         UNION ALL SELECT concat(toString(day), ' ', unit_id) AS k, 0 AS a, count() AS b FROM fact_request_done GROUP BY k
       ) GROUP BY k`,
    ),
  );
  compare(
    report,
    "finished requests: fact_request_done ↔ rollup_request_daily",
    await ch3(
      ch,
      "SELECT concat(toString(day), ' ', unit_id) AS k, countIf(outcome = 'COMPLETED') AS a, countIf(outcome = 'REJECTED') AS b, sum(breached) AS c FROM fact_request_done GROUP BY k",
    ),
    await ch3(
      ch,
      "SELECT concat(toString(day), ' ', unit_id) AS k, sum(completed) AS a, sum(rejected) AS b, sum(breached) AS c FROM rollup_request_daily GROUP BY k",
    ),
  );
  compare(
    report,
    "stage transitions: fact_request_event ↔ rollup_request_stage_daily",
    await ch3(
      ch,
      "SELECT concat(toString(day), ' ', unit_id) AS k, countIf(prev_status != '') AS a, sumIf(stage_wd, prev_status != '') AS b, 0 AS c FROM fact_request_event GROUP BY k",
    ),
    await ch3(
      ch,
      "SELECT concat(toString(day), ' ', unit_id) AS k, sum(transitions) AS a, sum(stage_wd_sum) AS b, 0 AS c FROM rollup_request_stage_daily GROUP BY k",
    ),
  );

  // Current request states per unit and status; employees per unit.
  compare(
    report,
    "request states: relational ↔ fact_request_state",
    await pg3(
      db,
      `SELECT "unitId" || ' ' || status::text AS k, count(*) AS a, 0 AS b, 0 AS c FROM "ServiceRequest" GROUP BY 1`,
    ),
    await ch3(
      ch,
      "SELECT concat(unit_id, ' ', s) AS k, count() AS a, 0 AS b, 0 AS c FROM (SELECT request_id, argMax(unit_id, version) AS unit_id, argMax(status, version) AS s FROM fact_request_state GROUP BY request_id) GROUP BY k",
    ),
  );
  compare(
    report,
    "employees: relational ↔ dim_employee",
    await pg3(db, `SELECT "unitId" AS k, count(*) AS a, 0 AS b, 0 AS c FROM "Employee" GROUP BY 1`),
    await ch3(
      ch,
      "SELECT unit_id AS k, count() AS a, 0 AS b, 0 AS c FROM (SELECT employee_id, argMax(unit_id, version) AS unit_id FROM dim_employee GROUP BY employee_id) GROUP BY k",
    ),
  );

  // Batches whose valid rows are not (all) in ClickHouse, by name: waiting, or failed with a reason.
  const unloaded = await db.importBatch.findMany({
    where: { status: { not: "LOADED" } },
    orderBy: { id: "asc" },
    select: { id: true, fileName: true, status: true, rowsValid: true, loadError: true },
  });
  report.checks.push({ name: "import batches: stored ↔ loaded", keys: unloaded.length });
  for (const b of unloaded) {
    report.differences.push({
      check: "import batches: stored ↔ loaded",
      key: `batch ${b.id} ${b.fileName}`,
      expected: `${b.rowsValid} rows loaded`,
      actual: b.loadError ? `${b.status}: ${b.loadError.slice(0, 200)}` : b.status,
    });
  }
  return report;
}
