// The ETL from the command line.
//   npm run etl [-- --full] [-- --region DEMO] [-- file.csv …]   run (incremental by default), importing files;
//     unit lists and employee exports (.xlsx/.csv, told by their header) are master data: applied with the
//     saved column mapping [-- --complete] [-- --as-of yyyy-mm-dd], the same rules as /data/induk
//   npm run etl:verify                                           reconcile ClickHouse with the sources
//   npm run etl:generate -- --seed 1 --employees 300 --days 730 [--out dir]
// With the embedded stores the web server owns the data folder while it runs: then files are put in
// the server's inbox (<data>/inbox) and its scheduled ETL loads them.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { envOrExit } from "@/env";
import { formatNumber } from "@/i18n/format";
import { DataDirBusyError } from "@/server/data-dir";
import { isoDay, localDay } from "@/lib/domain/working-days";
import { EtlUserError } from "./context";
import { planGeneration, readGenerated, recordGenerated } from "./generate/continue";
import { generate } from "./generate/generate";
import { createProgress } from "./progress";
import { runEtl } from "./run";
import { openStores, type Stores } from "./stores";
import { verify } from "./verify";
import type { MasterKind } from "@/generated/prisma/enums";
import { describeUnattended, importMasterUnattended, MASTER_OPTIONS_SUFFIX, masterKindOf } from "./master/master";
import { isCalendarDate } from "@/lib/domain/working-days";
import { todayNumber } from "@/server/clock";

const env = envOrExit();
const [command = "run", ...rest] = process.argv.slice(2);
const argv = ["run", "verify", "generate"].includes(command) ? rest : process.argv.slice(2);
const cmd = ["run", "verify", "generate"].includes(command) ? command : "run";

const { values, positionals } = parseArgs({
  args: argv,
  allowPositionals: true,
  options: {
    full: { type: "boolean", default: false },
    region: { type: "string" },
    "lag-ms": { type: "string" },
    seed: { type: "string", default: "1" },
    employees: { type: "string", default: "300" },
    days: { type: "string", default: "730" },
    end: { type: "string" },
    out: { type: "string" },
    "no-files": { type: "boolean", default: false },
    /** master data: the file is complete for what it covers (see etl/master/plan.ts) */
    complete: { type: "boolean", default: false },
    "as-of": { type: "string" },
  },
});

async function withStores<T>(fn: (s: Stores) => Promise<T>): Promise<T> {
  const stores = await openStores(env);
  try {
    return await fn(stores);
  } finally {
    await stores.close();
  }
}

async function main(): Promise<number> {
  if (cmd === "generate") {
    const end = values.end ?? isoDay(todayNumber() - 1);
    const start = isoDay(localDay(new Date(end)) - Number(values.days) + 1);
    const out = values["no-files"] ? undefined : path.resolve(values.out ?? path.join(env.dataDir, "generated"));
    return withStores(async ({ db }) => {
      const t0 = performance.now();
      const wanted = { seed: Number(values.seed), employees: Number(values.employees), start, end };
      const plan = planGeneration(readGenerated(env.dataDir), (await db.employee.count()) > 0, wanted);
      if (plan.kind === "refuse") {
        console.error(
          plan.held
            ? `[generate] Folder data ini sudah berisi riwayat buatan (seed ${plan.held.seed}, ${plan.held.employees} pegawai, ${plan.held.start} … ${plan.held.end}); lanjutkan dengan --seed dan --employees yang sama, atau pakai folder lain (PANTAU_DATA_DIR). / This data folder already holds generated history (seed ${plan.held.seed}, ${plan.held.employees} employees, ${plan.held.start} … ${plan.held.end}); continue it with the same --seed and --employees, or use another folder (PANTAU_DATA_DIR).`
            : "[generate] Folder data ini sudah berisi pegawai yang tidak dibuat oleh generator; pakai folder lain (PANTAU_DATA_DIR). / This data folder already holds employees the generator did not make; use another folder (PANTAU_DATA_DIR).",
        );
        return 2;
      }
      if (plan.kind === "done") {
        console.log(`[generate] riwayat sudah dibuat sampai ${plan.end} / history already generated up to ${plan.end}`);
        return 0;
      }
      const from = plan.kind === "continue" ? plan.from : plan.start;
      const truth = await generate(db, { ...wanted, start: plan.start, from, end: plan.end, outDir: out }, (s) =>
        console.log(`[generate] ${s}`),
      );
      recordGenerated(env.dataDir, { ...wanted, start: plan.start, end: plan.end });
      console.log(
        `[generate] ${from} … ${end}: ${formatNumber(truth.attendance.rows, "id")} attendance rows, ${formatNumber(truth.ekinerja.rows, "id")} e-Kinerja entries, ${formatNumber(truth.requests.submitted, "id")} requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      if (out)
        console.log(
          `[generate] files in ${out} — load them with: npm run etl -- ${path.relative(process.cwd(), out)}/*.csv`,
        );
      return 0;
    });
  }
  if (cmd === "verify") {
    return withStores(async ({ db, ch }) => {
      const report = await verify(db, ch);
      for (const c of report.checks) console.log(`[verify] ${c.name}: ${formatNumber(c.keys, "id")} keys`);
      if (report.differences.length === 0) {
        console.log("[verify] OK: ClickHouse cocok dengan sumber / ClickHouse matches the sources");
        return 0;
      }
      console.error(`[verify] ${report.differences.length} selisih / differences:`);
      for (const d of report.differences.slice(0, 50))
        console.error(`  ${d.check} — ${d.key}: sumber/source ${d.expected}, ClickHouse ${d.actual}`);
      return 1;
    });
  }
  if (values["as-of"] !== undefined && !isCalendarDate(values["as-of"])) {
    console.error(`--as-of: tanggal yyyy-mm-dd yang sah / a real date as yyyy-mm-dd (${values["as-of"]})`);
    return 2;
  }
  const all = positionals.map((p) => ({ path: path.resolve(p) }));
  // Unit lists and employee exports (told by their header) are master data: imported first, so the
  // attendance and e-Kinerja files of the same run find their employees.
  const master: { path: string; kind: MasterKind; bytes: Uint8Array }[] = [];
  const files: typeof all = [];
  for (const f of all) {
    const bytes = existsSync(f.path) ? new Uint8Array(readFileSync(f.path)) : null;
    const kind = bytes ? await masterKindOf(bytes) : null;
    if (kind && bytes) master.push({ ...f, kind, bytes });
    else files.push(f);
  }
  try {
    return await withStores(async (stores) => {
      let masterFailed = false;
      for (const m of master) {
        const r = await importMasterUnattended(
          stores.db,
          env.dataDir,
          { id: null, name: `cli:${os.userInfo().username}` },
          {
            kind: m.kind,
            fileName: path.basename(m.path),
            bytes: m.bytes,
            opts: { asOf: values["as-of"] ?? isoDay(todayNumber()), complete: values.complete },
          },
        );
        for (const line of describeUnattended(path.basename(m.path), r)) (r.ok ? console.log : console.error)(line);
        if (!r.ok) masterFailed = true;
      }
      if (master.length && !files.length && !values.full) return masterFailed ? 2 : 0;
      const progress = createProgress();
      const result = await runEtl(stores, {
        mode: values.full ? "full" : "incremental",
        trigger: "cli",
        files,
        region: values.region,
        lagMs: values["lag-ms"] ? Number(values["lag-ms"]) : undefined,
        progress,
        workers: files.length > 1 ? Math.min(os.availableParallelism(), files.length) : 0,
      });
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
      const phases = Object.entries(result.phases)
        .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
        .join(", ");
      console.log(
        `[etl] run ${result.runId} (${result.mode}) finished: ${formatNumber(total, "id")} rows in ${result.seconds.toFixed(1)} s (${phases})`,
      );
      for (const r of result.imports) {
        if (r.error) console.error(`[etl] ${r.fileName}: DITOLAK / REFUSED\n  ${r.error.id}\n  ${r.error.en}`);
        else
          console.log(
            `[etl] ${r.fileName}: read ${r.read}, loaded ${r.valid}, quarantined ${r.quarantined}, duplicate ${r.duplicate}${r.alreadyImported ? " (already imported earlier)" : ""}`,
          );
      }
      for (const f of result.failedBatches)
        console.error(
          `[etl] ${f.fileName} (batch ${f.batchId}): TIDAK DAPAT DIMUAT / COULD NOT BE LOADED — ${f.error}`,
        );
      return masterFailed || result.imports.some((r) => r.error) || result.failedBatches.length ? 2 : 0;
    });
  } catch (err) {
    if (err instanceof DataDirBusyError && all.length) {
      const inbox = path.join(env.dataDir, "inbox");
      mkdirSync(inbox, { recursive: true });
      for (const f of all) {
        const target = path.join(inbox, path.basename(f.path));
        // the options first, so the server never applies the file without them
        if (master.some((m) => m.path === f.path))
          writeFileSync(
            `${target}${MASTER_OPTIONS_SUFFIX}`,
            JSON.stringify({ asOf: values["as-of"], complete: values.complete }),
          );
        copyFileSync(f.path, target);
      }
      console.log(
        `[etl] Server Pantau sedang memakai folder data; ${all.length} berkas ditaruh di ${inbox} dan akan dimuat oleh ETL terjadwal server.\n` +
          `[etl] The Pantau server is using the data folder; ${all.length} file(s) were put in ${inbox} for the server's scheduled ETL.`,
      );
      return 0;
    }
    if (err instanceof DataDirBusyError) {
      const every = env.ETL_INTERVAL_MINUTES;
      console.error(err.message);
      console.error(
        every
          ? `[etl] Server menjalankan ETL sendiri setiap ${every} menit. / The server runs the ETL itself every ${every} minutes.`
          : "[etl] ETL terjadwal server mati (ETL_INTERVAL_MINUTES=0): hentikan server dulu. / The server's scheduled ETL is off (ETL_INTERVAL_MINUTES=0): stop the server first.",
      );
      return 1;
    }
    throw err;
  }
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof EtlUserError || err instanceof DataDirBusyError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  });
