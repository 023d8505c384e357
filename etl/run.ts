// One ETL run: relational sources by watermark, pending import batches, then new files.
// Two runs never overlap: a lease row in the relational store (works across processes and hosts);
// a lease left by a process that died on this host is taken over at once, elsewhere when it expires.
import { regionCalendars } from "@/server/calendar";
import { closeSync, mkdirSync, openSync, readSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import type { ImportBatch } from "@/generated/prisma/client";
import type { ImportKind } from "@/generated/prisma/enums";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import { formatDateTime } from "@/i18n/format";
import { processAlive } from "@/server/data-dir";
import { isTransientStoreError, LeaseLostError } from "@/server/store-errors";
import { EtlUserError, loadRegionContext, userError, type RegionContext } from "./context";
import {
  finishImport,
  prepareImport,
  removeInterruptedImports,
  type ImportReport,
  type PreparedImport,
} from "./extract/files";
import type { ParsePool } from "./extract/parse-pool";
import { latestBacklogSnapshot, snapshotBacklog } from "./load/backlog";
import { classifyEkinerja } from "./load/ekinerja-due";
import { loadBatchOrMarkFailed } from "./load/files";
import { builtWithRules, recordRules, rulesFingerprint } from "./load/rules";
import {
  loadRequestEvents,
  loadRequestStates,
  loadSurveyResponses,
  syncEmployees,
  syncHolidays,
  syncServiceTypes,
  syncUnits,
} from "./load/relational";
import { createProgress, type Progress } from "./progress";
import { SheetError } from "./master/sheet";
import { asCsvFile } from "./extract/sources/xlsx";
import { readCsv } from "./extract/sources/csv";
import { headerSignature } from "./master/fields";
import { today as todayIn } from "@/server/clock";

export const ANALYTICS_TABLES = [
  "dim_region",
  "dim_unit",
  "dim_employee",
  "dim_service_type",
  "dim_holiday",
  "fact_request_event",
  "fact_request_done",
  "fact_request_state",
  "fact_attendance",
  "fact_ekinerja",
  "rollup_request_daily",
  "rollup_request_stage_daily",
  "rollup_attendance_daily",
  "rollup_ekinerja_daily",
  "rollup_backlog_daily",
  "backlog_snapshot",
  "fact_survey_response",
  "rollup_survey_daily",
  "rollup_attendance_employee_month",
  "fact_ekinerja_due",
  "rollup_ekinerja_due",
  "rollup_ekinerja_employee_month",
  "rollup_ekinerja_employee_year",
  "ekinerja_due_state",
  "open_request_snapshot",
] as const;

export interface SourceFile {
  path: string;
  kind?: ImportKind;
  /** The name the file is known by (an upload's own name); default: the path's last part. */
  name?: string;
}

export interface EtlOptions {
  mode?: "incremental" | "full";
  trigger?: string;
  files?: SourceFile[];
  /** Region code the files belong to (default: the only region). */
  region?: string;
  /** Rows changed this recently wait for the next run (default 2 s). */
  lagMs?: number;
  progress?: Progress;
  /** "today" in the region, for rejecting future dates (tests, benchmarks). */
  today?: string;
  leaseSeconds?: number;
  /** Rows per chunk for every source (default: each source's own; tests make it small). */
  chunkRows?: number;
  /** Worker threads that parse files while ClickHouse loads (0: parse in this thread). */
  workers?: number;
}

export interface EtlResult {
  runId: number;
  mode: "incremental" | "full";
  rows: Record<string, number>;
  imports: ImportReport[];
  /** Batches this run could not load (marked FAILED with the reason). */
  failedBatches: { batchId: number; fileName: string; error: string }[];
  seconds: number;
  /** Seconds spent per phase: dimensions, requests (relational facts), import (parse + validate), load (into ClickHouse). */
  phases: Record<"dimensions" | "requests" | "import" | "load" | "classify", number>;
}

export class EtlBusyError extends EtlUserError {}

const holderId = () => `${os.hostname()}:${process.pid}`;

async function acquireLease(db: Db, seconds: number, me = holderId()): Promise<() => Promise<void>> {
  await db.etlState.upsert({ where: { id: 1 }, update: {}, create: { id: 1 } });
  const take = (extra = "") =>
    db.$executeRawUnsafe(
      `UPDATE "EtlState" SET "leaseHolder" = $1, "leaseUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => $2)
       WHERE id = 1 AND ("leaseHolder" IS NULL OR "leaseUntil" < (now() AT TIME ZONE 'UTC') OR "leaseHolder" = $1 ${extra})`,
      me,
      seconds,
    );
  if ((await take()) !== 1) {
    const state = await db.etlState.findUnique({ where: { id: 1 } });
    const [host, pid] = (state?.leaseHolder ?? "").split(":");
    const dead = host === os.hostname() && pid && !processAlive(Number(pid));
    const taken = dead
      ? await db.$executeRawUnsafe(
          `UPDATE "EtlState" SET "leaseHolder" = $1, "leaseUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => $2) WHERE id = 1 AND "leaseHolder" = $3`,
          me,
          seconds,
          state!.leaseHolder,
        )
      : 0;
    if (taken !== 1) {
      const until = state?.leaseUntil ? formatDateTime(state.leaseUntil, "id") : "?";
      const e = userError("etl.error.busy", { holder: state?.leaseHolder ?? "?", until });
      throw new EtlBusyError(e.messageId, e.messageEn);
    }
  }
  // Whoever held the lease before us is gone: its unfinished runs were interrupted.
  await db.etlRun.updateMany({
    where: { status: "RUNNING" },
    data: {
      status: "FAILED",
      finishedAt: new Date(),
      error: "interrupted (the process stopped before the run finished)",
    },
  });
  let last = Date.now();
  return async () => {
    if (Date.now() - last < (seconds * 1000) / 4) return;
    last = Date.now();
    if ((await take()) !== 1) throw new LeaseLostError();
  };
}

async function releaseLease(db: Db, me = holderId()) {
  await db.etlState.updateMany({ where: { id: 1, leaseHolder: me }, data: { leaseHolder: null, leaseUntil: null } });
}

/**
 * Runs `fn` while holding the ETL lease, so no ETL run reads a source while a long write to it is
 * open (a run's watermark could otherwise pass rows that commit later with older timestamps). Waits
 * for a running ETL to finish, up to `waitMs`.
 */
export async function withEtlLease<T>(db: Db, fn: () => Promise<T>, waitMs = 120_000): Promise<T> {
  const until = Date.now() + waitMs;
  // A holder of its own (host:pid:token), so an ETL run of this very process is waited for, not joined.
  const me = `${holderId()}:${randomBytes(6).toString("hex")}`;
  for (;;) {
    try {
      await acquireLease(db, 600, me);
      break;
    } catch (err) {
      if (!(err instanceof EtlBusyError) || Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    await releaseLease(db, me).catch(() => {});
  }
}

/** Truncates every analytics table and moves to a new generation, so every chunk loads again. */
async function resetAnalytics(db: Db, ch: ClickHouse): Promise<number> {
  for (const t of ANALYTICS_TABLES) {
    await ch.command(
      ch.cluster ? `TRUNCATE TABLE IF EXISTS ${t} ON CLUSTER ${ch.cluster}` : `TRUNCATE TABLE IF EXISTS ${t}`,
    );
  }
  await db.etlWatermark.deleteMany({});
  await db.importBatch.updateMany({ data: { status: "IMPORTED", rowsLoaded: 0, loadedAt: null, loadError: null } });
  const state = await db.etlState.update({ where: { id: 1 }, data: { generation: { increment: 1 } } });
  return state.generation;
}

/** Which export a file is, from its name ("absensi…", "kehadiran…", "attendance…", "ekinerja…") or its header. */
export function detectKind(file: SourceFile, head: string): ImportKind | null {
  if (file.kind) return file.kind;
  const name = path.basename(file.path).toLowerCase();
  if (/absen|hadir|attendance|presensi/.test(name)) return "ATTENDANCE";
  if (/kinerja|skp/.test(name)) return "EKINERJA";
  const h = head.toLowerCase();
  if (/jam[_ ]?masuk|check[_ ]?in/.test(h)) return "ATTENDANCE";
  if (/periode|period|waktu[_ ]?kirim/.test(h)) return "EKINERJA";
  return null;
}

export async function runEtl(
  stores: { db: Db; ch: ClickHouse; dataDir: string },
  opts: EtlOptions = {},
): Promise<EtlResult> {
  const { db, ch, dataDir } = stores;
  const progress = opts.progress ?? createProgress({ quiet: true });
  const t0 = performance.now();
  const beat = await acquireLease(db, opts.leaseSeconds ?? 120);
  // read under the lease, so a run queued behind a rebuild sees the rules it recorded and does not rebuild again;
  // analytics classified by other rules (an upgrade changed a measure, or nothing was built yet) are rebuilt whole
  const fingerprint = rulesFingerprint();
  const rulesChanged =
    (await builtWithRules(ch).catch(async (err: unknown) => {
      await releaseLease(db).catch(() => {});
      throw err;
    })) !== fingerprint;
  const mode = rulesChanged ? "full" : (opts.mode ?? "incremental");
  const run = await db.etlRun.create({
    data: {
      mode: mode === "full" ? "FULL" : "INCREMENTAL",
      trigger: opts.trigger ?? "cli",
      host: os.hostname(),
      pid: process.pid,
    },
  });
  const imports: ImportReport[] = [];
  const interrupted = removeInterruptedImports(dataDir);
  if (interrupted.length)
    progress.log(`removed ${interrupted.length} unfinished import folder(s) an interrupted run left behind`);
  const phases = { dimensions: 0, requests: 0, import: 0, load: 0, classify: 0 };
  let pool: ParsePool | undefined;
  /** CSVs made from Excel files, removed when the run ends. */
  const converted: string[] = [];
  const timed = async <T>(phase: keyof typeof phases, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      phases[phase] += (performance.now() - t) / 1000;
    }
  };
  try {
    let generation = (await db.etlState.findUniqueOrThrow({ where: { id: 1 } })).generation;
    if (mode === "full") {
      generation = await resetAnalytics(db, ch);
      progress.log(
        `full rebuild${rulesChanged && opts.mode !== "full" ? " (the rules the analytics were built with changed)" : ""}: analytics tables emptied (generation ${generation})`,
      );
    }
    // Files start parsing first (in worker threads when asked for), while the relational sources load;
    // finishing and loading then go in file order, so a later file's duplicates of an earlier one are found.
    // The pool is loaded only when asked for: the web server (bundled by Next.js) parses in its own thread.
    if (opts.files?.length && opts.workers) {
      pool = new (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "./extract/parse-pool")).ParsePool(
        opts.workers,
      );
    }
    let region: RegionContext | undefined;
    const prepared: (PreparedImport | ImportReport)[] = [];
    for (const f of opts.files ?? []) {
      const name = f.name ?? path.basename(f.path);
      try {
        // An Excel export is read as the CSV it holds (row numbers kept), written to the data folder's tmp.
        mkdirSync(path.join(dataDir, "tmp"), { recursive: true });
        const csvPath = await asCsvFile(
          f.path,
          path.join(dataDir, "tmp", `${process.pid}-${converted.length}-${Date.now()}.csv`),
        ).catch((err: unknown) => {
          throw err instanceof SheetError ? userError(err.key) : err;
        });
        if (csvPath !== f.path) converted.push(csvPath);
        const head = readHead(csvPath);
        let kind = detectKind({ ...f, path: f.name ?? f.path }, head);
        if (!kind) {
          // a header HR mapped once on Impor data names its kind
          region ??= await loadRegionContext(db, opts.region ?? (await onlyRegionCode(db)));
          const header = readCsv(head.replace(/^\ufeff/, "")).next();
          const signature = header.done ? "" : headerSignature(header.value.fields);
          kind = region.mappings.find((m) => m.signature === signature)?.kind ?? null;
        }
        if (!kind) {
          throw userError(
            "etl.error.header",
            { file: name, kind: "kehadiran/e-Kinerja", columns: "nip, …" },
            { file: name, kind: "attendance/e-Kinerja", columns: "nip, …" },
          );
        }
        region ??= await loadRegionContext(db, opts.region ?? (await onlyRegionCode(db)));
        prepared.push(
          await prepareImport(
            { db, ch, dataDir, region, today: opts.today, chunkRows: opts.chunkRows, pool },
            { name, path: csvPath, kind },
          ),
        );
      } catch (err) {
        prepared.push(refused(err, name, f.kind));
      }
    }

    const io = { db, ch, progress, generation, lagMs: opts.lagMs ?? 2000, beat, chunkRows: opts.chunkRows };
    const calendars = await regionCalendars(db);
    await timed("dimensions", async () => {
      await syncUnits(io);
      await syncServiceTypes(io);
      await syncHolidays(io);
      await syncEmployees(io);
    });
    progress.done("dim_employee");
    await timed("requests", () => loadRequestStates(io, calendars));
    progress.done("fact_request_state");
    await timed("requests", () => loadRequestEvents(io, calendars));
    progress.done("fact_request_event");
    await timed("requests", () => loadSurveyResponses(io, calendars));
    progress.done("fact_survey_response");
    // A new day makes requests a day older (and some overdue) even when nothing changed.
    const regions = await db.region.findMany({ select: { id: true, timezone: true } });
    const today = opts.today ?? todayIn(regions[0]?.timezone);
    const latest = await latestBacklogSnapshot(ch);
    if (
      regions.length &&
      (!latest ||
        !latest.lists ||
        latest.upTo !== today ||
        progress.rows.fact_request_state ||
        progress.rows.fact_request_event)
    ) {
      await timed("requests", () => snapshotBacklog(ch, regions, today));
    }

    const fileIo = { db, ch, dataDir, progress, beat };
    const failedBatches: { batchId: number; fileName: string; error: string }[] = [];
    const loadedBatches: number[] = [];
    const load = async (batch: ImportBatch) => {
      const r = await timed("load", () => loadBatchOrMarkFailed(fileIo, batch, generation));
      if ("error" in r) failedBatches.push({ batchId: batch.id, fileName: batch.fileName, error: r.error });
      else loadedBatches.push(batch.id);
    };
    const pending = await db.importBatch.findMany({ where: { status: "IMPORTED" }, orderBy: { id: "asc" } });
    for (const batch of pending) await load(batch);

    for (const p of prepared) {
      let report: ImportReport;
      if (!("input" in p)) report = p;
      else {
        try {
          report = await timed("import", () => finishImport({ db, ch, dataDir, region: region! }, p));
        } catch (err) {
          report = refused(err, p.input.name, p.input.kind);
        }
      }
      imports.push(report);
      if (report.error) {
        progress.log(`${report.fileName}: ${report.error.id} / ${report.error.en}`);
        continue;
      }
      progress.log(
        report.alreadyImported
          ? `${report.fileName}: sudah pernah diimpor (batch ${report.batchId}), dilewati / already imported, skipped`
          : `${report.fileName}: dibaca ${report.read}, valid ${report.valid}, karantina ${report.quarantined}, duplikat ${report.duplicate}`,
      );
      const batch = await db.importBatch.findUniqueOrThrow({ where: { id: report.batchId } });
      if (batch.status === "IMPORTED") await load(batch);
      await beat();
    }
    for (const t of ["fact_attendance", "fact_ekinerja"]) if (progress.rows[t] !== undefined) progress.done(t);
    await compactRollups(ch, progress.rows);
    // what each e-Kinerja entry counts as, for every month this run touched (or all: a rebuild, changed employees)
    const months = await timed("classify", () =>
      classifyEkinerja(db, ch, {
        all: mode === "full" || Boolean(progress.rows.dim_employee),
        batchIds: loadedBatches,
      }),
    );
    if (months) progress.log(`e-Kinerja: ${months} bulan diklasifikasi / month(s) classified`);
    if (rulesChanged) await recordRules(ch, fingerprint);
    // the run did its work; the batches it could not load are named on the run and on each batch
    const note = failedBatches.length
      ? `${failedBatches.length} berkas tidak dapat dimuat / file(s) could not be loaded: ${failedBatches.map((f) => `${f.fileName} (batch ${f.batchId})`).join(", ")}`.slice(
          0,
          4000,
        )
      : null;
    await db.etlRun.update({
      where: { id: run.id },
      data: { status: "SUCCEEDED", finishedAt: new Date(), rows: progress.rows, error: note },
    });
    return {
      runId: run.id,
      mode,
      rows: { ...progress.rows },
      imports,
      failedBatches,
      seconds: (performance.now() - t0) / 1000,
      phases,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.etlRun
      .update({
        where: { id: run.id },
        data: { status: "FAILED", finishedAt: new Date(), rows: progress.rows, error: message.slice(0, 4000) },
      })
      .catch(() => {});
    throw err;
  } finally {
    await pool?.close();
    for (const c of converted) rmSync(c, { force: true });
    await releaseLease(db).catch(() => {});
  }
}

/** The rollup each fact table feeds. */
const ROLLUPS: Record<string, string[]> = {
  fact_request_done: ["rollup_request_daily"],
  fact_request_event: ["rollup_request_stage_daily"],
  fact_attendance: ["rollup_attendance_daily"],
  fact_ekinerja: ["rollup_ekinerja_daily"],
  fact_survey_response: ["rollup_survey_daily"],
};

/**
 * Every chunk leaves a small part in each rollup it touched; dashboards read rollups and pay per part.
 * They are small (one row per unit per day), so after a run that loaded something their changed
 * partitions are merged into one part each (partitions already in one part are skipped).
 */
async function compactRollups(ch: ClickHouse, rows: Record<string, number>) {
  for (const [fact, rollups] of Object.entries(ROLLUPS)) {
    if (!rows[fact]) continue;
    for (const t of rollups) {
      await ch.command(
        `OPTIMIZE TABLE ${t}${ch.cluster ? ` ON CLUSTER ${ch.cluster}` : ""} FINAL`,
        {},
        { optimize_skip_merged_partitions: 1 },
      );
    }
  }
}

/** The first bytes of a file (enough for its header line). */
function readHead(file: string): string {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(1024);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** A file refused as a whole (unreadable, not an export we know): reported, and the other files go on. */
function refused(err: unknown, name: string, kind: ImportKind | undefined): ImportReport {
  const code = (err as NodeJS.ErrnoException).code;
  let e: EtlUserError;
  if (err instanceof EtlUserError) e = err;
  else if (isTransientStoreError(err))
    throw err; // the stores, not this file: the run stops, the next one repeats it
  else if (typeof code === "string" && /^E[A-Z]+$/.test(code))
    e = userError("etl.error.read", { file: name, detail: code });
  else {
    // whatever went wrong with this one file stays with it: the other files and the run go on
    console.error(`[etl] ${name}:`, err);
    e = userError("etl.error.internal", { file: name });
  }
  return {
    batchId: 0,
    fileName: name,
    kind: kind ?? "ATTENDANCE",
    alreadyImported: false,
    read: 0,
    valid: 0,
    quarantined: 0,
    duplicate: 0,
    error: { id: e.messageId, en: e.messageEn },
  };
}

async function onlyRegionCode(db: Db): Promise<string> {
  const regions = await db.region.findMany({ select: { code: true }, take: 2 });
  if (regions.length === 1) return regions[0]!.code;
  throw userError(
    "etl.error.noRegion",
    { code: regions.length ? "(pilih dengan --region)" : "(kosong)" },
    { code: regions.length ? "(choose with --region)" : "(none)" },
  );
}
