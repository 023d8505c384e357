// Dashboard benchmark on the embedded stores: the 20,000-employee, 2-year data set loaded through the
// ETL, then every dashboard procedure called repeatedly through the tRPC caller (first call = cold,
// then warm), and beside it the same region-wide overview computed in SQL over relational rows in a
// PGlite of its own (what a region would do without ClickHouse).
//   npm run bench:dashboard [-- --employees 20000 --days 730 --calls 50 --dir <a folder kept by bench:etl --keep> --no-relational]
import { ATTENDANCE_CLASS, ATTENDANCE_STATUSES } from "@/lib/domain/attendance";
import { FINAL_STATUSES } from "@/lib/domain/sla";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { msf, openBenchRegion, secs } from "./setup";
import { PGlite } from "@electric-sql/pglite";
import type { Session } from "next-auth";
import { formatNumber } from "@/i18n/format";
import { isoDay, localDay } from "@/lib/domain/working-days";
import { monthEndsOf, resolvePeriod } from "@/features/dashboard/period";
import { createCaller } from "@/server/api/root";
import { chunkFiles } from "../chunks";

const { values } = parseArgs({
  options: {
    employees: { type: "string", default: "20000" },
    days: { type: "string", default: "730" },
    seed: { type: "string", default: "1" },
    calls: { type: "string", default: "50" },
    dir: { type: "string" },
    keep: { type: "boolean", default: false },
    // the relational comparison takes minutes at 100,000 employees; its figure does not change between runs of the same set
    "no-relational": { type: "boolean", default: false },
  },
});
const calls = Number(values.calls);
const region = await openBenchRegion({
  name: "dashboard",
  dir: values.dir,
  employees: Number(values.employees),
  days: Number(values.days),
  seed: Number(values.seed),
});
const { db, ch, dir } = region;
let today: string;
if (region.generatedEnd !== null) today = isoDay(region.generatedEnd);
else {
  const last = await db.requestEvent.findFirst({ orderBy: { at: "desc" } });
  today = isoDay(localDay(last?.at ?? new Date()));
  console.log(`reusing the data (today = ${today})`);
}

// ---- the procedures through the tRPC caller ----
const units = await db.unit.findMany({ orderBy: { code: "asc" } });
const big = units.find((u) => u.code === "DISDIK") ?? units[0]!;
const service = await db.serviceType.findFirstOrThrow({ orderBy: { code: "asc" } });
const caller = (role: Session["user"]["role"], unitId: string | null = null) =>
  createCaller({
    db,
    clientKey: "bench",
    clickhouse: async () => ch,
    session: {
      expires: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: "bench", name: "Bench", username: "bench", role, unitId },
    },
  });
const leader = caller("LEADER");
const head = caller("UNIT_HEAD", big.id);

const cases: { name: string; run: () => Promise<unknown> }[] = [
  { name: "overview · this month · region", run: () => leader.dashboard.overview({ period: "month", today }) },
  { name: "overview · last month · region", run: () => leader.dashboard.overview({ period: "lastMonth", today }) },
  { name: "overview · this quarter · region", run: () => leader.dashboard.overview({ period: "quarter", today }) },
  { name: "overview · this year · region", run: () => leader.dashboard.overview({ period: "year", today }) },
  {
    name: "overview · 2 years custom · region",
    run: () =>
      leader.dashboard.overview({ period: "custom", from: isoDay(localDay(new Date(today)) - 729), to: today, today }),
  },
  {
    name: `overview · this month · ${big.code} subtree`,
    run: () => leader.dashboard.overview({ period: "month", unitId: big.id, today }),
  },
  {
    name: `overview · this month · service ${service.code}`,
    run: () => leader.dashboard.overview({ period: "month", serviceTypeId: service.id, today }),
  },
  { name: "overview · this month · as unit head", run: () => head.dashboard.overview({ period: "month", today }) },
  { name: "services · this month · region", run: () => leader.dashboard.services({ period: "month", today }) },
  { name: "services · this year · region", run: () => leader.dashboard.services({ period: "year", today }) },
  {
    name: `services · this year · ${big.code} subtree`,
    run: () => leader.dashboard.services({ period: "year", unitId: big.id, today }),
  },
  { name: "attendance · this month · region", run: () => leader.dashboard.attendance({ period: "month", today }) },
  { name: "attendance · this year · region", run: () => leader.dashboard.attendance({ period: "year", today }) },
  { name: "e-Kinerja · this month · region", run: () => leader.dashboard.ekinerja({ period: "month", today }) },
  { name: "e-Kinerja · this year · region", run: () => leader.dashboard.ekinerja({ period: "year", today }) },
  { name: "e-Kinerja · this year · as unit head", run: () => head.dashboard.ekinerja({ period: "year", today }) },
];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
console.log(
  `\nprocedure latency through the tRPC caller (embedded chDB; cold = first call of the input, then ${calls} warm calls)`,
);
console.log(`  ${"procedure".padEnd(44)} ${"cold".padStart(9)} ${"p50".padStart(9)} ${"p95".padStart(9)}`);
// every input's first call before any warm one (the first inputs' warm calls used to pay for the process
// warming up: JIT, chDB's caches), then the warm calls round-robin, so a pause of the machine falls on all alike
const cold = new Map<string, number>();
const warm = new Map<string, number[]>(cases.map((c) => [c.name, []]));
for (const c of cases) {
  const t = performance.now();
  await c.run();
  cold.set(c.name, performance.now() - t);
}
for (let i = 0; i < calls; i++) {
  for (const c of cases) {
    const t = performance.now();
    await c.run();
    warm.get(c.name)!.push(performance.now() - t);
  }
}
const results: Record<string, { cold: number; p50: number; p95: number }> = {};
for (const c of cases) {
  const times = warm.get(c.name)!.sort((a, b) => a - b);
  results[c.name] = { cold: cold.get(c.name)!, p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
  console.log(
    `  ${c.name.padEnd(44)} ${msf(results[c.name]!.cold).padStart(9)} ${msf(results[c.name]!.p50).padStart(9)} ${msf(results[c.name]!.p95).padStart(9)}`,
  );
}

const ours = results["overview · this month · region"]!;
const worst = Math.max(...Object.values(results).map((r) => r.p95));
const relational = values["no-relational"] ? null : await relationalOverview();
console.log(
  `\ntargets: overview p95 ≤ 50 ms: ${ours.p95 <= 50 ? "met" : "NOT met"} (${msf(ours.p95)}); every procedure p95 ≤ 150 ms: ${worst <= 150 ? "met" : "NOT met"} (worst ${msf(worst)})${relational === null ? "" : `; ≥ 20× the relational computation: ${relational / ours.p50 >= 20 ? "met" : "NOT met"}`}`,
);

/** The same region-wide overview in SQL over relational rows in a PGlite of its own; returns its median time. */
async function relationalOverview(): Promise<number> {
  // ---- the same overview in SQL over relational rows ----
  console.log(
    "\nthe same region-wide overview (this month vs previous vs last year, 12-month trends, backlog) in SQL on PGlite:",
  );
  const cmpDir = path.join(dir, "pglite-compare");
  rmSync(cmpDir, { recursive: true, force: true });
  const pg = await PGlite.create({ dataDir: cmpDir });
  let t = performance.now();
  await pg.exec(`
CREATE TABLE holiday (day date PRIMARY KEY);
CREATE TABLE unit (id text PRIMARY KEY, parent_id text);
CREATE TABLE request (id text PRIMARY KEY, unit_id text, service_type_id text, status text, submitted_at timestamp, completed_at timestamp, sla int);
CREATE TABLE attendance (region_id text, unit_id text, employee_id text, day date, status text, check_in int, check_out int, late_minutes int, line int);
CREATE TABLE ekinerja (region_id text, unit_id text, employee_id text, kind text, period date, deadline date, submitted_at timestamp, state text, approval text, line int);`);
  const copy = async (table: string, text: string) => {
    if (text) await pg.query(`COPY ${table} FROM '/dev/blob'`, [], { blob: new Blob([text]) });
  };
  const tsv = async (sql: string) => (await db.$queryRawUnsafe<{ t: string | null }[]>(sql))[0]?.t ?? "";
  await copy("holiday", await tsv(`SELECT string_agg(date::date::text, E'\\n') || E'\\n' AS t FROM "Holiday"`));
  await copy(
    "unit",
    await tsv(
      `SELECT string_agg(concat_ws(E'\\t', id, coalesce("parentId", '\\N')), E'\\n') || E'\\n' AS t FROM "Unit"`,
    ),
  );
  await copy(
    "request",
    await tsv(`SELECT string_agg(concat_ws(E'\\t', r.id, r."unitId", r."serviceTypeId", r.status, r."submittedAt", coalesce(r."completedAt"::text, '\\N'), s."slaDays"), E'\\n') || E'\\n' AS t
             FROM "ServiceRequest" r JOIN "ServiceType" s ON s.id = r."serviceTypeId"`),
  );
  const batches = await db.importBatch.findMany({ where: { status: "LOADED" } });
  let fileRows = 0;
  for (const b of batches) {
    for (const f of chunkFiles(path.resolve(dir, b.storedPath))) {
      const text = readFileSync(f, "utf8");
      fileRows += text.length ? text.split("\n").length - 1 : 0;
      await copy(b.kind === "ATTENDANCE" ? "attendance" : "ekinerja", text);
    }
  }
  await pg.exec(
    `CREATE INDEX ON attendance (day); CREATE INDEX ON ekinerja (period); CREATE INDEX ON request (completed_at); ANALYZE;`,
  );
  console.log(
    `  copied ${formatNumber(fileRows, "id")} attendance and e-Kinerja rows and ${formatNumber((await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM request")).rows[0]!.n, "id")} requests in ${secs(performance.now() - t)} (with indexes on the day columns)`,
  );

  const p = resolvePeriod({ period: "month" }, today);
  const ranges = [p.current, p.previous, p.lastYear];
  const ends = [...ranges.map((r) => r.to), ...monthEndsOf(p.trend)];
  const inR = (col: string, i: number) => `${col} BETWEEN '${ranges[i]!.from}' AND '${ranges[i]!.to}'`;
  const local = (col: string) => `((${col}) + interval '7 hours')::date`;
  // working days after `a` up to and including `b`, over the calendar
  const wd = (a: string, b: string) =>
    `(SELECT count(*) FROM generate_series(${a} + 1, ${b}, interval '1 day') g(d) WHERE extract(isodow FROM g.d) < 6 AND g.d::date NOT IN (SELECT day FROM holiday))`;
  const dueDay = (a: string, n: string) =>
    `(SELECT g.d::date FROM generate_series(${a} + 1, ${a} + 120, interval '1 day') g(d) WHERE extract(isodow FROM g.d) < 6 AND g.d::date NOT IN (SELECT day FROM holiday) ORDER BY g.d OFFSET greatest(${n} - 1, 0) LIMIT 1)`;
  // the same classes as the ETL writes (src/lib/domain), as SQL lists for the relational baseline
  const sqlList = (codes: readonly string[]) => codes.map((c) => `'${c}'`).join(", ");
  const FINAL_SQL = sqlList(FINAL_STATUSES);
  const DUE_SQL = sqlList(ATTENDANCE_STATUSES.filter((s) => ATTENDANCE_CLASS[s].due));
  const PRESENT_SQL = sqlList(ATTENDANCE_STATUSES.filter((s) => ATTENDANCE_CLASS[s].present));
  const SQL = [
    // requests: counts, breaches and exact medians/p90 per range and per month
    `WITH done AS (
     SELECT status, ${local("submitted_at")} AS sub, ${local("completed_at")} AS fin, sla FROM request
     WHERE status IN (${FINAL_SQL}) AND ${local("completed_at")} BETWEEN '${p.trend.from < p.lastYear.from ? p.trend.from : p.lastYear.from}' AND '${p.current.to}'),
   timed AS (SELECT *, ${wd("sub", "fin")} AS wd FROM done)
   SELECT ${ranges.map((_, i) => `count(*) FILTER (WHERE status = 'COMPLETED' AND ${inR("fin", i)}) AS c${i}, count(*) FILTER (WHERE status = 'COMPLETED' AND wd > sla AND ${inR("fin", i)}) AS b${i}, percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY wd) FILTER (WHERE status = 'COMPLETED' AND ${inR("fin", i)}) AS q${i}`).join(", ")} FROM timed`,
    `WITH done AS (SELECT status, ${local("submitted_at")} AS sub, ${local("completed_at")} AS fin, sla FROM request WHERE status = 'COMPLETED' AND ${local("completed_at")} BETWEEN '${p.trend.from}' AND '${p.trend.to}'),
   timed AS (SELECT *, ${wd("sub", "fin")} AS wd FROM done)
   SELECT date_trunc('month', fin) AS m, count(*), count(*) FILTER (WHERE wd > sla), percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY wd) FROM timed GROUP BY m`,
    // backlog and overdue at every period and month end
    `WITH r AS (SELECT ${local("submitted_at")} AS sub, ${local("completed_at")} AS fin, ${dueDay(local("submitted_at"), "sla + 1")} AS overdue_from FROM request),
   e AS (SELECT unnest(ARRAY[${ends.map((d) => `'${d}'::date`).join(", ")}]) AS d)
   SELECT e.d, count(*) FILTER (WHERE r.sub <= e.d AND (r.fin IS NULL OR r.fin > e.d)) AS open,
          count(*) FILTER (WHERE r.sub <= e.d AND (r.fin IS NULL OR r.fin > e.d) AND r.overdue_from <= e.d) AS overdue
   FROM e CROSS JOIN r GROUP BY e.d`,
    // attendance per range and per month
    `SELECT ${ranges.map((_, i) => `count(*) FILTER (WHERE status IN (${DUE_SQL}) AND ${inR("day", i)}) AS due${i}, count(*) FILTER (WHERE status IN (${PRESENT_SQL}) AND ${inR("day", i)}) AS present${i}, count(*) FILTER (WHERE status LIKE 'TL%' AND ${inR("day", i)}) AS late${i}, count(*) FILTER (WHERE status = 'TK' AND ${inR("day", i)}) AS tk${i}`).join(", ")}
   FROM attendance WHERE day BETWEEN '${p.lastYear.from}' AND '${p.current.to}'`,
    `SELECT date_trunc('month', day) AS m, count(*) FILTER (WHERE status IN (${DUE_SQL})), count(*) FILTER (WHERE status IN (${PRESENT_SQL})), count(*) FILTER (WHERE status = 'TK')
   FROM attendance WHERE day BETWEEN '${p.trend.from}' AND '${p.trend.to}' GROUP BY m`,
    // e-Kinerja per range and per month
    `SELECT ${ranges.map((_, i) => `count(*) FILTER (WHERE ${inR("period", i)}) AS due${i}, count(*) FILTER (WHERE state = 'on_time' AND ${inR("period", i)}) AS ontime${i}`).join(", ")}
   FROM ekinerja WHERE period BETWEEN '${p.lastYear.from}' AND '${p.current.to}'`,
    `SELECT date_trunc('month', period) AS m, count(*), count(*) FILTER (WHERE state = 'on_time') FROM ekinerja WHERE period BETWEEN '${p.trend.from}' AND '${p.trend.to}' GROUP BY m`,
  ];
  const relTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    for (const sql of SQL) await pg.query(sql);
    relTimes.push(performance.now() - t);
  }
  relTimes.sort((a, b) => a - b);
  const rel = relTimes[1]!;
  console.log(`  relational overview: median of 3 runs ${msf(rel)} (runs: ${relTimes.map(msf).join(", ")})`);
  console.log(
    `  ClickHouse overview p50 ${msf(ours.p50)} → ${formatNumber(rel / ours.p50, "id", { maximumFractionDigits: 0 })}× faster (cold ${msf(ours.cold)} → ${formatNumber(rel / ours.cold, "id", { maximumFractionDigits: 0 })}×)`,
  );
  await pg.close();
  return rel;
}

await region.close(values.keep);
process.exit(0);
