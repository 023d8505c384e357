// e-Kinerja compliance benchmark on the embedded stores: a generated region (default 40,000 employees ×
// one year, loaded through the ETL), then list pages (first, deep, by streak, by name, one unit, a search),
// an employee's timeline and the discipline watch, each called repeatedly (first call = cold).
//   npm run bench:compliance [-- --employees 40000 --days 365 --calls 20 --dir <folder to keep or reuse>]
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { complianceFilter } from "@/features/compliance/schemas";
import { complianceAll, complianceList, employeeTimeline } from "@/features/compliance/server/queries";
import { disciplineWatch } from "@/features/compliance/server/discipline";
import { formatNumber } from "@/i18n/format";
import { isoDay, localDay } from "@/lib/domain/working-days";
import { ChdbClickHouse } from "@/server/clickhouse/chdb";
import { applyClickHouseMigrations } from "@/server/clickhouse/migrate";
import { openRelational } from "@/server/db/adapter";
import { createPrisma } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrate";
import { generate } from "../generate/generate";
import { runEtl } from "../run";
import { todayNumber } from "@/server/clock";

const { values } = parseArgs({
  options: {
    employees: { type: "string", default: "40000" },
    days: { type: "string", default: "365" },
    seed: { type: "string", default: "1" },
    calls: { type: "string", default: "20" },
    dir: { type: "string" },
  },
});
const calls = Number(values.calls);
const reuse = values.dir !== undefined && existsSync(path.join(values.dir, "pglite"));
const dir = values.dir ?? mkdtempSync(path.join(os.tmpdir(), "pantau-bench-comp-"));
const secs = (ms: number) => `${formatNumber(ms / 1000, { maximumFractionDigits: 1 })} s`;
const msf = (ms: number) => `${formatNumber(ms, { maximumFractionDigits: 1 })} ms`;

console.log(
  `Pantau bench:compliance — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model.trim()}); data in ${dir}`,
);
const conn = await openRelational({ kind: "pglite", dataDir: dir });
await applyMigrations(conn);
const db = createPrisma(conn);
const ch = await ChdbClickHouse.open({ dataDir: dir, database: "pantau" });
await applyClickHouseMigrations(ch);

let end: number;
if (reuse) {
  const [row] = await ch.query<{ d: string }>("SELECT toString(max(day)) AS d FROM fact_attendance");
  end = localDay(new Date(`${row!.d}T12:00:00Z`));
  console.log(`reusing the data in ${dir} (last day ${isoDay(end)})`);
} else {
  end = todayNumber() - 1;
  const start = end - Number(values.days) + 1;
  let t = performance.now();
  const files = path.join(dir, "files");
  const truth = await generate(db, {
    seed: Number(values.seed),
    employees: Number(values.employees),
    start: isoDay(start),
    end: isoDay(end),
    outDir: files,
  });
  console.log(
    `generated ${formatNumber(Number(values.employees))} employees × ${values.days} days in ${secs(performance.now() - t)}`,
  );
  t = performance.now();
  const r = await runEtl(
    { db, ch, dataDir: dir },
    {
      mode: "full",
      trigger: "bench",
      lagMs: 0,
      workers: os.availableParallelism(),
      files: truth.written.files.map((p) => ({ path: p })),
    },
  );
  console.log(
    `loaded ${formatNumber(Object.values(r.rows).reduce((a, b) => a + b, 0))} rows through the ETL in ${secs(performance.now() - t)}`,
  );
}
const [counts] = await ch.query<{ e: string; m: string; d: string }>(
  "SELECT uniqExact(employee_id) AS e, countIf(kind = 'monthly') AS m, countIf(kind = 'daily') AS d FROM fact_ekinerja",
);
console.log(
  `fact_ekinerja: ${formatNumber(Number(counts!.e))} employees, ${formatNumber(Number(counts!.m))} monthly and ${formatNumber(Number(counts!.d))} daily entries`,
);

// the last complete month of the data (the current one's entries are not all due yet)
const [ey, em] = isoDay(end).slice(0, 7).split("-").map(Number) as [number, number];
const lastMonth = new Date(Date.UTC(ey, em - 2, 1)).toISOString().slice(0, 7);
const [y, m] = lastMonth.split("-").map(Number) as [number, number];
const from = new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 7);
const f = (extra: Record<string, unknown> = {}) => complianceFilter.parse({ from, to: lastMonth, ...extra });
const units = await db.unit.findMany({ orderBy: { code: "asc" } });
const disdik = units.find((u) => u.code === "DISDIK")!;
const region = await db.region.findFirstOrThrow();
const first = await complianceList(ch, f(), "");
const someone = first.rows[0]!;
console.log(
  `list: ${formatNumber(first.total)} employees with missing monthly entries in ${from}…${lastMonth} (${formatNumber(first.pages)} pages)`,
);

const cases: { name: string; run: () => Promise<unknown> }[] = [
  { name: "list, first page (3 months, monthly, region)", run: () => complianceList(ch, f(), "") },
  { name: "list, page 100", run: () => complianceList(ch, f({ page: Math.min(100, first.pages) }), "") },
  { name: "list, by streak", run: () => complianceList(ch, f({ sort: "streak" }), "") },
  { name: "list, by name, everyone", run: () => complianceList(ch, f({ sort: "name", missingOnly: false }), "") },
  { name: "list, one unit and sub-units (DISDIK)", run: () => complianceList(ch, f(), disdik.id) },
  { name: "list, search by name", run: () => complianceList(ch, f({ q: someone.name.split(" ")[0] }), "") },
  { name: "list, daily logs, 3 months", run: () => complianceList(ch, f({ kind: "daily" }), "") },
  { name: "export, every matching row", run: () => complianceAll(ch, f(), "") },
  {
    name: "employee timeline, 12 months",
    run: () =>
      employeeTimeline(ch, someone.employeeId, new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 7), lastMonth),
  },
  { name: "discipline watch, the year", run: () => disciplineWatch(db, ch, region.id, y, "") },
];

const pct = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
console.log(`\n${calls} calls each (first = cold):`);
console.log(`| case | cold | p50 | p95 |\n| --- | --- | --- | --- |`);
for (const c of cases) {
  let t = performance.now();
  await c.run();
  const cold = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    t = performance.now();
    await c.run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${c.name} | ${msf(cold)} | ${msf(pct(times, 0.5))} | ${msf(pct(times, 0.95))} |`);
}
await ch.close();
await db.$disconnect();
await conn.close();
if (!values.dir) rmSync(dir, { recursive: true, force: true });
