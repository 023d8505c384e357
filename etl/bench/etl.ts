// ETL benchmark on the embedded stores (PGlite in a folder, chDB): generates the 20,000-employee,
// 2-year data set, then measures a full load and an incremental one-day load, and reconciles.
//   npm run bench:etl [-- --employees 20000 --days 730 --seed 1 --keep --generated <folder>]
// --generated keeps the generated history (relational rows and files, before any load) in a folder and
// starts from a copy of it the next time, so runs to compare (old code and new) skip the minutes of
// generating and load exactly the same input.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatNumber } from "@/i18n/format";
import { isoDay } from "@/lib/domain/working-days";
import { ChdbClickHouse } from "@/server/clickhouse/chdb";
import { applyClickHouseMigrations } from "@/server/clickhouse/migrate";
import { openRelational } from "@/server/db/adapter";
import { createPrisma } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrate";
import { generate } from "../generate/generate";
import { createProgress } from "../progress";
import { runEtl, type EtlResult } from "../run";
import { verify } from "../verify";
import { todayNumber } from "@/server/clock";

const { values } = parseArgs({
  options: {
    employees: { type: "string", default: "20000" },
    days: { type: "string", default: "730" },
    seed: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
    workers: { type: "string", default: String(os.availableParallelism()) },
    generated: { type: "string" },
  },
});
const employees = Number(values.employees);
const days = Number(values.days);
const end = todayNumber() - 1;
const start = end - days + 1;

const dir = mkdtempSync(path.join(os.tmpdir(), "pantau-bench-etl-"));
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const mb = (b: number) => `${formatNumber(Math.round(b / 1048576), "id")} MiB`;
const secs = (s: number) => `${formatNumber(s, "id", { maximumFractionDigits: 1 })} s`;

console.log(
  `Pantau bench:etl — ${formatNumber(employees, "id")} employees, ${days} days (${isoDay(start)} … ${isoDay(end)}), seed ${values.seed}, ${values.workers} parse workers`,
);
console.log(
  `node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model.trim()}), ${mb(os.totalmem())} RAM; data in ${dir}\n`,
);

// ---- the generated history: made here, or copied from --generated ----
type Generated = Awaited<ReturnType<typeof generate>>;
const history = (cache: string) => path.join(cache, "generated.json");
const cacheKey = JSON.stringify({ employees, days, seed: values.seed, start: isoDay(start), end: isoDay(end) });
async function generateHistory(into: string): Promise<{ truth: Generated; seconds: number }> {
  const c = await openRelational({ kind: "pglite", dataDir: into });
  await applyMigrations(c);
  const d = createPrisma(c);
  const t = performance.now();
  const truth = await generate(
    d,
    {
      seed: Number(values.seed),
      employees,
      start: isoDay(start),
      end: isoDay(end),
      to: isoDay(end - 1),
      outDir: path.join(into, "files"),
    },
    (s) => console.log(`  generate: ${s}`),
  );
  const seconds = (performance.now() - t) / 1000;
  await d.$disconnect();
  await c.close();
  return { truth, seconds };
}
let generated: { truth: Generated; seconds: number; copied: boolean };
if (values.generated) {
  const cache = path.resolve(values.generated);
  const saved = existsSync(history(cache))
    ? (JSON.parse(readFileSync(history(cache), "utf8")) as { key: string; seconds: number; truth: Generated })
    : null;
  if (saved && saved.key !== cacheKey) {
    console.error(`${cache} holds the history of ${saved.key}, not ${cacheKey}: remove it or choose another folder`);
    process.exit(2);
  }
  if (!saved) {
    rmSync(cache, { recursive: true, force: true });
    const made = await generateHistory(cache);
    const truth = {
      ...made.truth,
      written: { ...made.truth.written, files: made.truth.written.files.map((f) => path.relative(cache, f)) },
    };
    writeFileSync(history(cache), JSON.stringify({ key: cacheKey, seconds: made.seconds, truth }));
    console.log(`kept the generated history in ${cache}`);
  }
  const kept = JSON.parse(readFileSync(history(cache), "utf8")) as { seconds: number; truth: Generated };
  cpSync(cache, dir, { recursive: true });
  const files = kept.truth.written.files.map((f) => path.join(dir, f));
  generated = {
    truth: { ...kept.truth, written: { ...kept.truth.written, files } },
    seconds: kept.seconds,
    copied: Boolean(saved),
  };
} else generated = { ...(await generateHistory(dir)), copied: false };

const conn = await openRelational({ kind: "pglite", dataDir: dir });
await applyMigrations(conn);
const db = createPrisma(conn);
const ch = await ChdbClickHouse.open({ dataDir: dir, database: "pantau" });
await applyClickHouseMigrations(ch);

async function phase<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; peak: number; cpu: number }> {
  peak = process.memoryUsage().rss;
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(c);
  return {
    value,
    seconds: (performance.now() - t) / 1000,
    peak: Math.max(peak, process.memoryUsage().rss),
    cpu: (used.user + used.system) / 1e6,
  };
}

function report(title: string, r: { value: EtlResult; seconds: number; peak: number; cpu: number }) {
  const { rows, phases } = r.value;
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  console.log(
    `\n${title}: ${formatNumber(total, "id")} rows in ${secs(r.seconds)} = ${formatNumber(Math.round(total / r.seconds), "id")} rows/s overall; peak RSS ${mb(r.peak)}; CPU ${secs(r.cpu)} (all threads: JS, parse workers, chDB, PGlite)`,
  );
  console.log(
    `  phases: ${Object.entries(phases)
      .map(([k, v]) => `${k} ${secs(v)}`)
      .join(", ")}`,
  );
  const phaseOf = (t: string) =>
    t.startsWith("dim_")
      ? phases.dimensions
      : t.startsWith("fact_request")
        ? phases.requests
        : phases.import + phases.load + phases.classify;
  console.log(`  ${"table".padEnd(22)} ${"rows".padStart(12)} ${"seconds".padStart(9)} ${"rows/s".padStart(12)}`);
  for (const [t, n] of Object.entries(rows).sort()) {
    const s = phaseOf(t);
    console.log(
      `  ${t.padEnd(22)} ${formatNumber(n, "id").padStart(12)} ${secs(s).padStart(9)} ${(s > 0 ? formatNumber(Math.round(n / s), "id") : "—").padStart(12)}`,
    );
  }
}

try {
  // the history is planned up to `end` and written up to the day before; the last day comes later, as an
  // incremental day (planning up to the day before instead made some requests end differently, and the
  // last day's survey answers then clashed with earlier ones on some dates)
  const gen = { value: generated.truth, seconds: generated.seconds };
  console.log(
    `${generated.copied ? `copied from ${values.generated} the ` : ""}generated history in ${secs(gen.seconds)}: ${formatNumber(gen.value.attendance.rows, "id")} attendance rows, ${formatNumber(gen.value.ekinerja.rows, "id")} e-Kinerja entries, ` +
      `${formatNumber(gen.value.requests.submitted, "id")} requests with ${formatNumber(gen.value.requests.events, "id")} events, ${gen.value.written.files.length} files`,
  );

  const progress = () => createProgress({ quiet: !process.stderr.isTTY });
  const full = await phase(() =>
    runEtl(
      { db, ch, dataDir: dir },
      {
        mode: "full",
        trigger: "bench",
        lagMs: 0,
        workers: Number(values.workers),
        files: gen.value.written.files.map((p) => ({ path: p })),
        progress: progress(),
      },
    ),
  );
  report("FULL LOAD", full);

  const rebuild = await phase(() =>
    runEtl({ db, ch, dataDir: dir }, { mode: "full", trigger: "bench", lagMs: 0, progress: progress() }),
  );
  report("REBUILD (--full again: relational sources and the stored, already validated batches)", rebuild);

  const dayFiles = path.join(dir, "files-day");
  const day = await phase(() =>
    generate(db, {
      seed: Number(values.seed),
      employees,
      start: isoDay(start),
      end: isoDay(end),
      from: isoDay(end),
      to: isoDay(end),
      outDir: dayFiles,
    }),
  );
  console.log(
    `\ngenerated one more day (${isoDay(end)}) in ${secs(day.seconds)}: ${formatNumber(day.value.written.requests, "id")} new requests, ${formatNumber(day.value.written.updatedRequests, "id")} updated, ${formatNumber(day.value.written.events, "id")} events`,
  );
  const inc = await phase(() =>
    runEtl(
      { db, ch, dataDir: dir },
      {
        trigger: "bench",
        lagMs: 0,
        workers: Number(values.workers),
        files: day.value.written.files.map((p) => ({ path: p })),
        progress: progress(),
      },
    ),
  );
  report("INCREMENTAL ONE-DAY LOAD", inc);

  const v = await phase(() => verify(db, ch));
  console.log(
    `\nverify: ${v.value.differences.length === 0 ? "OK, no differences" : `${v.value.differences.length} DIFFERENCES`} (${v.value.checks.length} checks, ${secs(v.seconds)})`,
  );
  if (v.value.differences.length) process.exitCode = 1;
} finally {
  clearInterval(sampler);
  await db.$disconnect();
  await ch.close();
  await conn.close();
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
process.exit(process.exitCode ?? 0);
