// Importing a source file: every row is validated; bad rows go to quarantine with their line and a
// reason in both languages; good rows are normalised into a TSV kept in the data folder (the system
// of record for file data, so ClickHouse can be rebuilt), with per-day, per-unit sums for etl:verify.
// The same file (by SHA-256) is imported once. Loading into ClickHouse is a separate, idempotent step.
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { ImportKind } from "@/generated/prisma/enums";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import { dayNumber, isoDay } from "@/lib/domain/working-days";
import { bothLanguages, ekinerjaDeadline, userError, type EmployeeRef, type RegionContext } from "./context";
import { attendanceFormat, type AttendanceRow } from "./sources/attendance";
import { decodeText, parseLocalDateTime, readCsv } from "./sources/csv";
import { ekinerjaFormat, type EkinerjaRow } from "./sources/ekinerja";
import { fieldsToObject, mapHeader, reasonFromZod, type RowReason, type SourceFormat } from "./sources/format";

export const FACT_COLUMNS = {
  ATTENDANCE: ["batch_id", "region_id", "unit_id", "employee_id", "day", "status", "check_in", "check_out", "late_minutes", "line"],
  EKINERJA: ["batch_id", "region_id", "unit_id", "employee_id", "kind", "period", "deadline", "submitted_at", "state", "approval", "line"],
} as const;
/** The stored chunk files' columns (everything but batch_id), as file() reads them. */
export const FACT_STRUCTURE = {
  ATTENDANCE:
    "region_id String, unit_id String, employee_id String, day Date, status String, check_in Nullable(UInt16), check_out Nullable(UInt16), late_minutes UInt16, line UInt32",
  EKINERJA:
    "region_id String, unit_id String, employee_id String, kind String, period Date, deadline Date, submitted_at Nullable(DateTime64(3, 'UTC')), state String, approval String, line UInt32",
} as const;
export const FACT_TABLE = { ATTENDANCE: "fact_attendance", EKINERJA: "fact_ekinerja" } as const;

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

interface Quarantine {
  line: number;
  raw: string;
  field: string | null;
  reasonId: string;
  reasonEn: string;
}

/** The row being normalised: one scratch object reused for every row (files run to hundreds of thousands of rows). */
interface Scratch {
  key: number;
  day: number;
  unit: number;
  tsv: string;
  sumA: number;
  sumB: number;
}
const scratch: Scratch = { key: 0, day: 0, unit: 0, tsv: "", sumA: 0, sumB: 0 };

/** Rows per stored chunk file: one chunk is one deduplicated INSERT when loading. */
export const CHUNK_ROWS = 200_000;

// Numeric row keys: employee × day (× kind for e-Kinerja). Days since 1970 stay below 2^16 for centuries.
const attendanceKey = (employee: number, day: number) => employee * 65_536 + day;
const ekinerjaKey = (employee: number, kind: "monthly" | "daily", period: number) => (employee * 65_536 + period) * 2 + (kind === "daily" ? 1 : 0);

export function importsDir(dataDir: string) {
  return path.join(dataDir, "imports");
}

export async function importFile(
  io: { db: Db; ch: ClickHouse; dataDir: string; region: RegionContext; today?: string; importedBy?: string; chunkRows?: number },
  file: { name: string; bytes: Uint8Array; kind: ImportKind },
): Promise<ImportReport> {
  const { db, region } = io;
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const existing = await db.importBatch.findUnique({ where: { regionId_kind_sha256: { regionId: region.id, kind: file.kind, sha256 } } });
  if (existing) {
    return {
      batchId: existing.id,
      fileName: existing.fileName,
      kind: existing.kind,
      alreadyImported: true,
      read: existing.rowsRead,
      valid: existing.rowsValid,
      quarantined: existing.rowsQuarantined,
      duplicate: existing.rowsDuplicate,
    };
  }

  const format = (file.kind === "ATTENDANCE" ? attendanceFormat : ekinerjaFormat) as SourceFormat<AttendanceRow | EkinerjaRow>;
  const kindName = bothLanguages(`etl.kind.${file.kind}`);
  const records = readCsv(decodeText(file.bytes));
  const first = records.next();
  if (first.done) throw userError("etl.error.empty", { file: file.name });
  const header = mapHeader(format, first.value.fields);
  if ("missing" in header) {
    const vars = { file: file.name, columns: header.missing.join(", ") };
    throw userError("etl.error.header", { ...vars, kind: kindName.id }, { ...vars, kind: kindName.en });
  }
  const expected = first.value.fields.length;
  const today = io.today ? dayNumber(io.today) : Math.floor((Date.now() + region.offsetHours * 3_600_000) / 86_400_000);

  const quarantine: Quarantine[] = [];
  let read = 0;
  const reject = (line: number, raw: string, reason: RowReason) => {
    const msg = bothLanguages(reason.key, reason.vars);
    quarantine.push({ line, raw: raw.slice(0, 2000), field: reason.field ?? null, reasonId: msg.id, reasonEn: msg.en });
  };

  // Valid rows stream into chunk files in a temporary folder, renamed into place when complete.
  const dir = importsDir(io.dataDir);
  const storedDir = path.join(dir, `${file.kind.toLowerCase()}-${sha256.slice(0, 32)}`);
  const tmpDir = storedDir + ".tmp";
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  let chunk = 0;
  let inChunk = 0;
  let buffer: string[] = [];
  let fd = openSync(path.join(tmpDir, "0.tsv"), "w");
  const flush = () => {
    if (buffer.length) writeSync(fd, buffer.join(""));
    buffer = [];
  };

  // Duplicates: a key seen earlier in this file, or loaded from an earlier file (asked once per day).
  const seen = new Set<number>();
  const daysChecked = new Set<number>();
  let duplicate = 0;
  let valid = 0;
  const summaries = new Map<number, { day: number; unitId: string; rows: number; sumA: number; sumB: number }>();

  for (const rec of records) {
    read++;
    if (rec.fields.length !== expected) {
      reject(rec.line, rec.raw, { key: "etl.reason.fieldCount", vars: { found: rec.fields.length, expected } });
      continue;
    }
    const parsed = format.schema.safeParse(fieldsToObject(header.map, rec.fields));
    if (!parsed.success) {
      reject(rec.line, rec.raw, reasonFromZod(parsed.error));
      continue;
    }
    const problem =
      file.kind === "ATTENDANCE"
        ? normaliseAttendance(region, parsed.data as AttendanceRow, rec.line, today)
        : normaliseEkinerja(region, parsed.data as EkinerjaRow, rec.line, today);
    if (problem) {
      reject(rec.line, rec.raw, problem);
      continue;
    }
    const { key, day, unit, tsv, sumA, sumB } = scratch;
    if (!daysChecked.has(day)) {
      daysChecked.add(day);
      await addLoadedKeys(seen, io.ch, region, file.kind, day);
    }
    if (seen.has(key)) {
      duplicate++;
      continue;
    }
    seen.add(key);
    valid++;
    if (inChunk === (io.chunkRows ?? CHUNK_ROWS)) {
      flush();
      closeSync(fd);
      fd = openSync(path.join(tmpDir, `${++chunk}.tsv`), "w");
      inChunk = 0;
    }
    buffer.push(tsv);
    inChunk++;
    if (buffer.length === 8192) flush();
    const sk = unit * 65_536 + day;
    let sum = summaries.get(sk);
    if (!sum) summaries.set(sk, (sum = { day, unitId: region.unitIds[unit]!, rows: 0, sumA: 0, sumB: 0 }));
    sum.rows++;
    sum.sumA += sumA;
    sum.sumB += sumB;
  }
  flush();
  closeSync(fd);
  rmSync(storedDir, { recursive: true, force: true });
  renameSync(tmpDir, storedDir);
  const storedPath = storedDir;
  const unique = { length: valid };

  const batch = await db.$transaction(
    async (tx) => {
      const b = await tx.importBatch.create({
        data: {
          regionId: region.id,
          kind: file.kind,
          fileName: file.name,
          sha256,
          storedPath: path.relative(io.dataDir, storedPath),
          rowsRead: read,
          rowsValid: unique.length,
          rowsQuarantined: quarantine.length,
          rowsDuplicate: duplicate,
          importedBy: io.importedBy ?? null,
        },
      });
      for (let i = 0; i < quarantine.length; i += 2000) {
        await tx.quarantinedRow.createMany({ data: quarantine.slice(i, i + 2000).map((q) => ({ ...q, batchId: b.id })) });
      }
      const sums = [...summaries.values()];
      for (let i = 0; i < sums.length; i += 2000) {
        await tx.importDaySummary.createMany({
          data: sums.slice(i, i + 2000).map((s) => ({ batchId: b.id, day: new Date(s.day * 86_400_000), unitId: s.unitId, rows: s.rows, sumA: s.sumA, sumB: s.sumB })),
        });
      }
      return b;
    },
    { timeout: 120_000 },
  );
  return {
    batchId: batch.id,
    fileName: file.name,
    kind: file.kind,
    alreadyImported: false,
    read,
    valid: unique.length,
    quarantined: quarantine.length,
    duplicate,
  };
}

const dayCache = new Map<string, number>();
/** dayNumber with a cache: a file holds a few dozen distinct dates over many thousand rows. */
function day(iso: string): number {
  let d = dayCache.get(iso);
  if (d === undefined) {
    if (dayCache.size > 20_000) dayCache.clear();
    d = dayNumber(iso);
    dayCache.set(iso, d);
  }
  return d;
}

function employedOn(e: EmployeeRef, day: number) {
  return day >= e.appointedDay && (e.retiredDay === null || day < e.retiredDay);
}

const N = "\\N";

function normaliseAttendance(region: RegionContext, r: AttendanceRow, line: number, today: number): RowReason | null {
  const emp = region.employees.get(r.nip);
  if (!emp) return { key: "etl.reason.nipUnknown", field: "nip" };
  const d = day(r.date);
  if (d > today) return { key: "etl.reason.future", field: "date" };
  if (!employedOn(emp, d)) return { key: "etl.reason.notEmployed", field: "date" };
  const tsv = `${region.id}\t${emp.unitId}\t${emp.id}\t${r.date}\t${r.status}\t${r.checkIn ?? N}\t${r.checkOut ?? N}\t${r.lateMinutes}\t${line}\n`;
  scratch.key = attendanceKey(emp.idx, d);
  scratch.day = d;
  scratch.unit = emp.unitIdx;
  scratch.tsv = tsv;
  scratch.sumA = r.lateMinutes;
  scratch.sumB = r.status === "TK" ? 1 : 0;
  return null;
}

function normaliseEkinerja(region: RegionContext, r: EkinerjaRow, line: number, today: number): RowReason | null {
  const emp = region.employees.get(r.nip);
  if (!emp) return { key: "etl.reason.nipUnknown", field: "nip" };
  const period = day(r.period);
  if (period > today) return { key: "etl.reason.future", field: "period" };
  const lastDay = r.kind === "daily" ? period : day(isoDay(period + 31).slice(0, 8) + "01") - 1;
  if (!(lastDay >= emp.appointedDay && (emp.retiredDay === null || period < emp.retiredDay))) {
    return { key: "etl.reason.notEmployed", field: "period" };
  }
  const dl = deadlineOf(region, r.kind, r.period);
  let submitted = N;
  let state = "missing";
  if (r.submittedAt !== "") {
    const local = parseLocalDateTime(r.submittedAt, region.offsetHours);
    if (!local) return { key: "etl.reason.submittedAt", field: "submittedAt" };
    const localDay = day(local.date);
    if (localDay > today) return { key: "etl.reason.future", field: "submittedAt" };
    // local wall time → UTC "yyyy-mm-dd hh:mm:00.000" without building a Date per row
    let utcMinutes = local.minutes - region.offsetHours * 60;
    let utcDate = local.date;
    if (utcMinutes < 0) {
      utcMinutes += 1440;
      utcDate = isoDayCached(localDay - 1);
    }
    submitted = `${utcDate} ${pad2(Math.floor(utcMinutes / 60))}:${pad2(utcMinutes % 60)}:00.000`;
    state = localDay <= dl.day ? "on_time" : "late";
  }
  const tsv = `${region.id}\t${emp.unitId}\t${emp.id}\t${r.kind}\t${r.period}\t${dl.iso}\t${submitted}\t${state}\t${r.approval}\t${line}\n`;
  scratch.key = ekinerjaKey(emp.idx, r.kind, period);
  scratch.day = period;
  scratch.unit = emp.unitIdx;
  scratch.tsv = tsv;
  scratch.sumA = state === "missing" ? 0 : 1;
  scratch.sumB = state === "on_time" ? 1 : 0;
  return null;
}

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));
const isoCache = new Map<number, string>();
function isoDayCached(d: number): string {
  let s = isoCache.get(d);
  if (s === undefined) isoCache.set(d, (s = isoDay(d)));
  return s;
}

const deadlines = new WeakMap<RegionContext, Map<string, { day: number; iso: string }>>();
function deadlineOf(region: RegionContext, kind: "monthly" | "daily", period: string) {
  let m = deadlines.get(region);
  if (!m) deadlines.set(region, (m = new Map()));
  const k = kind + period;
  let v = m.get(k);
  if (!v) {
    const d = ekinerjaDeadline(region, kind, period);
    v = { day: d, iso: isoDay(d) };
    m.set(k, v);
  }
  return v;
}

/** Adds the keys ClickHouse already holds for one day (one period) of this region to `seen`. */
async function addLoadedKeys(seen: Set<number>, ch: ClickHouse, region: RegionContext, kind: ImportKind, day: number): Promise<void> {
  const [table, dayColumn] = kind === "ATTENDANCE" ? ["fact_attendance", "day"] : ["fact_ekinerja", "period"];
  const where = `region_id = {region:String} AND ${dayColumn} = {day:Date}`;
  const params = { region: region.id, day: isoDay(day) };
  const [{ n } = { n: 0 }] = await ch.query<{ n: number }>(`SELECT count() AS n FROM ${table} WHERE ${where}`, params);
  if (n === 0) return;
  const found = await ch.query<{ e: string; k: string }>(`SELECT employee_id AS e, ${kind === "ATTENDANCE" ? "''" : "kind"} AS k FROM ${table} WHERE ${where}`, params);
  for (const f of found) {
    const idx = region.employeeIdx.get(f.e);
    if (idx === undefined) continue;
    seen.add(kind === "ATTENDANCE" ? attendanceKey(idx, day) : ekinerjaKey(idx, f.k as "monthly" | "daily", day));
  }
}
