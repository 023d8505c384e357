// e-Kinerja compliance benchmark on the embedded stores: a generated region (default 40,000 employees ×
// one year, loaded through the ETL), then list pages (first, deep, by streak, by name, one unit, a search),
// an employee's timeline and the discipline watch, each called repeatedly (first call = cold).
//   npm run bench:compliance [-- --employees 40000 --days 365 --calls 20 --dir <folder to keep or reuse>]
import { parseArgs } from "node:util";
import { msf, openBenchRegion } from "./setup";
import { complianceFilter } from "@/features/compliance/schemas";
import { complianceAll, complianceList, employeeTimeline } from "@/features/compliance/server/queries";
import { disciplineWatch } from "@/features/compliance/server/discipline";
import { formatNumber } from "@/i18n/format";
import { isoDay, localDay } from "@/lib/domain/working-days";

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
const { db, ch, generatedEnd, close } = await openBenchRegion({
  name: "compliance",
  dir: values.dir,
  employees: Number(values.employees),
  days: Number(values.days),
  seed: Number(values.seed),
});
let end: number;
if (generatedEnd !== null) end = generatedEnd;
else {
  const [row] = await ch.query<{ d: string }>("SELECT toString(max(day)) AS d FROM fact_attendance");
  end = localDay(new Date(`${row!.d}T12:00:00Z`));
  console.log(`reusing the data (last day ${isoDay(end)})`);
}
const [counts] = await ch.query<{ e: string; m: string; d: string }>(
  "SELECT uniqExact(employee_id) AS e, countIf(kind = 'monthly') AS m, countIf(kind = 'daily') AS d FROM fact_ekinerja",
);
console.log(
  `fact_ekinerja: ${formatNumber(Number(counts!.e), "id")} employees, ${formatNumber(Number(counts!.m), "id")} monthly and ${formatNumber(Number(counts!.d), "id")} daily entries`,
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
  `list: ${formatNumber(first.total, "id")} employees with missing monthly entries in ${from}…${lastMonth} (${formatNumber(first.pages, "id")} pages)`,
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
await close();
