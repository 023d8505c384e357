// Importing a source file: every row is validated (parse.ts); bad rows go to quarantine with their
// line and a reason in both languages; good rows are kept, normalised, as chunk files in the data
// folder (the system of record for file data, so ClickHouse can be rebuilt), with per-day, per-unit
// sums for etl:verify. The same file (by SHA-256) is imported once; a row another file already loaded
// is a duplicate. Loading into ClickHouse is a separate, idempotent step (load/files.ts).
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ImportKind } from "@/generated/prisma/enums";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import { dateOfDay, dayNumber, isoDay } from "@/lib/domain/working-days";
import type { RegionContext } from "../context";
import { chunkFiles, writeChunkCounts } from "../chunks";
import { attendanceKey, ekinerjaKey, parseContextOf, parseFile, type ParseResult } from "./parse";
import type { ParsePool } from "./parse-pool";
import { todayNumber } from "@/server/clock";

const QUARANTINE_INSERT = `
INSERT INTO "QuarantinedRow" ("batchId", line, raw, field, "reasonId", "reasonEn")
SELECT $1, x.line, x.raw, x.field, x."reasonId", x."reasonEn"
FROM jsonb_to_recordset($2::jsonb) AS x(line int, raw text, field text, "reasonId" text, "reasonEn" text)`;

export interface ImportReport {
  batchId: number;
  fileName: string;
  kind: ImportKind;
  /** True when this exact file was imported before: nothing was read again. */
  alreadyImported: boolean;
  read: number;
  valid: number;
  quarantined: number;
  duplicate: number;
  /** Set when the whole file was refused (unreadable header, empty file): nothing of it was stored. */
  error?: { id: string; en: string };
}

export function importsDir(dataDir: string) {
  return path.join(dataDir, "imports");
}

/**
 * Removes what an import killed mid-way left behind (its "<batch>.tmp-<random>" folders). Called by a
 * run holding the ETL lease before it starts importing, so no other import can be writing one.
 */
export function removeInterruptedImports(dataDir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(importsDir(dataDir));
  } catch {
    return [];
  }
  const left = entries.filter((e) => /\.tmp-[0-9a-f]+$/.test(e));
  for (const e of left) rmSync(path.join(importsDir(dataDir), e), { recursive: true, force: true });
  return left;
}

export interface ImportIo {
  db: Db;
  ch: ClickHouse;
  dataDir: string;
  region: RegionContext;
  /** "today" in the region (ISO): later dates are refused. Default: the real today. */
  today?: string;
  importedBy?: string;
  chunkRows?: number;
  /** Parse in worker threads (the command line); without it, parsing runs in this thread. */
  pool?: ParsePool;
}

export interface SourceInput {
  name: string;
  path: string;
  kind: ImportKind;
}

/** A file on its way in: checked for a previous import, its parsing started (in a worker when there is a pool). */
export interface PreparedImport {
  input: SourceInput;
  sha256: string;
  existing: ImportReport | null;
  parsed: () => Promise<ParseResult>;
  tmpDir: string;
}

function storedDirOf(dataDir: string, kind: ImportKind, sha256: string) {
  return path.join(importsDir(dataDir), `${kind.toLowerCase()}-${sha256.slice(0, 32)}`);
}

async function findImported(db: Db, regionId: string, kind: ImportKind, sha256: string): Promise<ImportReport | null> {
  const b = await db.importBatch.findUnique({ where: { regionId_kind_sha256: { regionId, kind, sha256 } } });
  return b
    ? {
        batchId: b.id,
        fileName: b.fileName,
        kind: b.kind,
        alreadyImported: true,
        read: b.rowsRead,
        valid: b.rowsValid,
        quarantined: b.rowsQuarantined,
        duplicate: b.rowsDuplicate,
      }
    : null;
}

export async function prepareImport(io: ImportIo, input: SourceInput): Promise<PreparedImport> {
  const bytes = readFileSync(input.path);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const existing = await findImported(io.db, io.region.id, input.kind, sha256);
  const tmpDir = `${storedDirOf(io.dataDir, input.kind, sha256)}.tmp-${randomBytes(4).toString("hex")}`;
  const today = io.today ? dayNumber(io.today) : todayNumber(io.region.timezone);
  const out = { dir: tmpDir, today, chunkRows: io.chunkRows };
  const ctx = parseContextOf(io.region);
  let parsed: () => Promise<ParseResult>;
  if (existing) parsed = () => Promise.reject(new Error("already imported"));
  else if (io.pool) {
    // Handed over to the worker without a copy when the buffer is the file's own (small files share a pool).
    const own =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        ? bytes
        : Uint8Array.prototype.slice.call(bytes);
    const started = io.pool.parse({ ctx, file: { name: input.name, bytes: own, kind: input.kind }, out });
    started.catch(() => {}); // awaited later, in file order
    parsed = () => started;
  } else parsed = async () => parseFile(ctx, { name: input.name, bytes, kind: input.kind }, out);
  return { input, sha256, existing, parsed, tmpDir };
}

/** Finishes an import: waits for the parse, drops rows earlier files loaded, stores the chunks, records the batch. */
export async function finishImport(io: ImportIo, p: PreparedImport): Promise<ImportReport> {
  if (p.existing) return p.existing;
  const { db, region } = io;
  let result: ParseResult;
  try {
    result = await p.parsed();
  } catch (err) {
    rmSync(p.tmpDir, { recursive: true, force: true });
    throw err;
  }
  // The same content may have come twice in one run (under two names): the first one counts.
  const again = await findImported(db, region.id, p.input.kind, p.sha256);
  if (again) {
    rmSync(p.tmpDir, { recursive: true, force: true });
    return again;
  }
  const duplicateLoaded = await dropLoadedRows(io, p.input.kind, p.tmpDir, result);
  const storedDir = storedDirOf(io.dataDir, p.input.kind, p.sha256);
  rmSync(storedDir, { recursive: true, force: true });
  renameSync(p.tmpDir, storedDir);

  const batch = await db.$transaction(
    async (tx) => {
      const b = await tx.importBatch.create({
        data: {
          regionId: region.id,
          kind: p.input.kind,
          fileName: p.input.name,
          sha256: p.sha256,
          storedPath: path.relative(io.dataDir, storedDir),
          rowsRead: result.read,
          rowsValid: result.valid,
          rowsQuarantined: result.quarantine.length,
          rowsDuplicate: result.duplicate + duplicateLoaded,
          importedBy: io.importedBy ?? null,
        },
      });
      // One statement per chunk with the rows as one JSON parameter: a file whose every row is bad
      // (a wrong delimiter, a shifted column) can quarantine millions of rows, and row parameters crawl.
      for (let i = 0; i < result.quarantine.length; i += 5000) {
        await tx.$executeRawUnsafe(QUARANTINE_INSERT, b.id, JSON.stringify(result.quarantine.slice(i, i + 5000)));
      }
      for (let i = 0; i < result.summaries.length; i += 2000) {
        await tx.importDaySummary.createMany({
          data: result.summaries
            .slice(i, i + 2000)
            .filter((s) => s.rows > 0)
            .map((s) => ({
              batchId: b.id,
              day: dateOfDay(s.day),
              unitId: s.unitId,
              rows: s.rows,
              sumA: s.sumA,
              sumB: s.sumB,
            })),
        });
      }
      return b;
    },
    { timeout: 120_000 },
  );
  return {
    batchId: batch.id,
    fileName: p.input.name,
    kind: p.input.kind,
    alreadyImported: false,
    read: result.read,
    valid: result.valid,
    quarantined: result.quarantine.length,
    duplicate: result.duplicate + duplicateLoaded,
  };
}

/**
 * Rows whose key an earlier file already loaded are duplicates: the first one wins. Asked of ClickHouse
 * for the file's days; only when some exist are the chunk files rewritten without those rows.
 */
async function dropLoadedRows(io: ImportIo, kind: ImportKind, dir: string, result: ParseResult): Promise<number> {
  if (result.days.length === 0) return 0;
  const [table, dayColumn] = kind === "ATTENDANCE" ? ["fact_attendance", "day"] : ["fact_ekinerja", "period"];
  // e-Kinerja: a monthly entry's period is the 1st, which is also a daily entry's period: ask per kind.
  const params = {
    region: io.region.id,
    days: result.days.map(isoDay),
    monthly: result.periods.monthly.map(isoDay),
    daily: result.periods.daily.map(isoDay),
  };
  const where =
    kind === "ATTENDANCE"
      ? "region_id = {region:String} AND day IN {days:Array(Date)}"
      : "region_id = {region:String} AND ((kind = 'monthly' AND period IN {monthly:Array(Date)}) OR (kind = 'daily' AND period IN {daily:Array(Date)}))";
  const [{ n } = { n: 0 }] = await io.ch.query<{ n: number }>(
    `SELECT count() AS n FROM ${table} WHERE ${where}`,
    params,
  );
  if (n === 0) return 0;
  const loaded = new Set<number>();
  const found = await io.ch.query<{ e: string; d: number; k: string }>(
    `SELECT employee_id AS e, toUInt32(${dayColumn}) AS d, ${kind === "ATTENDANCE" ? "''" : "kind"} AS k FROM ${table} WHERE ${where}`,
    params,
  );
  for (const f of found) {
    const idx = io.region.employeeIdx.get(f.e);
    if (idx !== undefined)
      loaded.add(
        kind === "ATTENDANCE"
          ? attendanceKey(idx, Number(f.d))
          : ekinerjaKey(idx, f.k as "monthly" | "daily", Number(f.d)),
      );
  }
  // Chunk file columns: region, unit, employee, then day (attendance) or kind, period (e-Kinerja).
  const sums = new Map(result.summaries.map((s) => [`${s.day}|${s.unitId}`, s]));
  let dropped = 0;
  const counts: number[] = [];
  for (const file of chunkFiles(dir)) {
    const keep: string[] = [];
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line) continue;
      const c = line.split("\t");
      const idx = io.region.employeeIdx.get(c[2]!);
      const d = dayNumber(kind === "ATTENDANCE" ? c[3]! : c[4]!);
      const key =
        idx === undefined
          ? -1
          : kind === "ATTENDANCE"
            ? attendanceKey(idx, d)
            : ekinerjaKey(idx, c[3] as "monthly" | "daily", d);
      if (!loaded.has(key)) {
        keep.push(line + "\n");
        continue;
      }
      dropped++;
      const s = sums.get(`${d}|${c[1]}`)!;
      s.rows--;
      if (kind === "ATTENDANCE") {
        s.sumA -= Number(c[7]);
        s.sumB -= c[4] === "TK" ? 1 : 0;
      } else {
        s.sumA -= c[7] === "missing" ? 0 : 1;
        s.sumB -= c[7] === "on_time" ? 1 : 0;
      }
    }
    writeFileSync(file, keep.join(""));
    counts.push(keep.length);
  }
  writeChunkCounts(dir, counts);
  result.valid -= dropped;
  return dropped;
}
