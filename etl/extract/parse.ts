// Parsing one source file: decode, split, validate every row with zod, normalise the good rows into
// chunk files (TSV in ClickHouse's column order) and collect quarantine and per-day sums. Pure work on
// bytes and files, no database: it runs in a worker thread when the ETL has cores to spare.
import { employedOn as employedOnDay, employedWithin } from "@/lib/domain/ekinerja";
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { chunkName, writeChunkCounts } from "../chunks";
import type { ImportKind } from "@/generated/prisma/enums";
import { checkAnyNip } from "@/lib/domain/nip";
import { dayNumber, isoDay, WorkCalendar } from "@/lib/domain/working-days";
import {
  bothLanguages,
  ekinerjaDeadline,
  userError,
  type EmployeeRef,
  type RegionContext,
  type SourceMapping,
} from "../context";
import { headerSignature, savedColumn } from "../master/fields";
import { attendanceFormat, type AttendanceRow } from "./sources/attendance";
import { decodeText, parseLocalDateTime, readCsv } from "./sources/csv";
import { ekinerjaFormat, type EkinerjaRow } from "./sources/ekinerja";
import { fieldsToObject, mapHeader, reasonFromZod, type RowReason, type SourceFormat } from "./sources/format";

/** What parsing needs of a region, in a form that can be sent to a worker thread. */
export interface ParseContext {
  id: string;
  offsetHours: number;
  ekinerjaDeadlineDay: number;
  dailyLogGraceDays: number;
  holidays: number[];
  employees: [string, EmployeeRef][];
  unitIds: string[];
  mappings: SourceMapping[];
}

export function parseContextOf(region: RegionContext): ParseContext {
  return {
    id: region.id,
    offsetHours: region.offsetHours,
    ekinerjaDeadlineDay: region.ekinerjaDeadlineDay,
    dailyLogGraceDays: region.dailyLogGraceDays,
    holidays: region.holidays,
    employees: [...region.employees.entries()],
    unitIds: region.unitIds,
    mappings: region.mappings,
  };
}

interface Runtime {
  id: string;
  offsetHours: number;
  ekinerjaDeadlineDay: number;
  dailyLogGraceDays: number;
  calendar: WorkCalendar;
  employees: Map<string, EmployeeRef>;
  unitIds: string[];
  deadlines: Map<string, { day: number; iso: string }>;
}

const runtimes = new WeakMap<ParseContext, Runtime>();
function runtimeOf(ctx: ParseContext): Runtime {
  let r = runtimes.get(ctx);
  if (!r) {
    r = { ...ctx, calendar: new WorkCalendar(ctx.holidays), employees: new Map(ctx.employees), deadlines: new Map() };
    runtimes.set(ctx, r);
  }
  return r;
}

export interface Quarantine {
  line: number;
  raw: string;
  field: string | null;
  reasonId: string;
  reasonEn: string;
}

export interface DaySummary {
  day: number;
  unitId: string;
  rows: number;
  sumA: number;
  sumB: number;
}

export interface ParseResult {
  read: number;
  valid: number;
  /** Rows whose key appeared earlier in the same file. */
  duplicate: number;
  quarantine: Quarantine[];
  summaries: DaySummary[];
  /** The distinct days (attendance) or periods (e-Kinerja) of the valid rows. */
  days: number[];
  /** e-Kinerja only: the distinct periods of monthly and of daily entries. */
  periods: { monthly: number[]; daily: number[] };
  chunks: number;
}

/** Rows per chunk file: one chunk is one deduplicated INSERT when loading. */
export const CHUNK_ROWS = 200_000;

// Numeric row keys: employee × day (× kind for e-Kinerja). Keys are only compared among rows of the
// same few days, so the day modulo 8192 (22 years) is enough, and keys stay small integers (fast Set).
export const attendanceKey = (employee: number, day: number) => employee * 8192 + (day & 8191);
export const ekinerjaKey = (employee: number, kind: "monthly" | "daily", period: number) =>
  (employee * 8192 + (period & 8191)) * 2 + (kind === "daily" ? 1 : 0);

/** The row being normalised: one scratch object reused for every row. */
const scratch = { key: 0, day: 0, unit: 0, tsv: "", sumA: 0, sumB: 0 };
const N = "\\N";

/**
 * A header row with a saved mapping (HR chose the columns once, on Impor data): its mapped columns are
 * given the format's own names, so next month's export of that shape reads without asking again.
 */
export function withSavedMapping(
  mappings: readonly SourceMapping[],
  kind: ImportKind,
  format: SourceFormat<unknown>,
  header: readonly string[],
): string[] {
  const saved = mappings.find((m) => m.kind === kind && m.signature === headerSignature(header));
  if (!saved) return [...header];
  const out = [...header];
  for (const field of Object.keys(saved.columns)) {
    if (field.startsWith("@")) continue;
    const i = savedColumn(header, saved.columns, field);
    const canonical = format.columns.find((c) => c.field === field)?.names[0];
    if (i !== -1 && canonical) out[i] = canonical;
  }
  return out;
}

/** Parses a file into chunk files in `outDir` (created afresh). Throws EtlUserError when the file as a whole is unusable. */
export function parseFile(
  ctx: ParseContext,
  file: { name: string; bytes: Uint8Array; kind: ImportKind },
  out: { dir: string; today: number; chunkRows?: number },
): ParseResult {
  const region = runtimeOf(ctx);
  const format = (file.kind === "ATTENDANCE" ? attendanceFormat : ekinerjaFormat) as SourceFormat<
    AttendanceRow | EkinerjaRow
  >;
  const text = decodeText(file.bytes);
  // NUL is looked for row by row only in a file that has one (a scan of the whole text is cheaper)
  const anyNul = text.includes("\0");
  const records = readCsv(text);
  const first = records.next();
  if (first.done) throw userError("etl.error.empty", { file: file.name });
  const header = mapHeader(format, withSavedMapping(ctx.mappings, file.kind, format, first.value.fields));
  if ("missing" in header) {
    const kindName = bothLanguages(`etl.kind.${file.kind}`);
    const vars = { file: file.name, columns: header.missing.join(", ") };
    throw userError("etl.error.header", { ...vars, kind: kindName.id }, { ...vars, kind: kindName.en });
  }
  const expected = first.value.fields.length;
  const chunkRows = out.chunkRows ?? CHUNK_ROWS;

  const quarantine: Quarantine[] = [];
  const reject = (line: number, raw: string, reason: RowReason) => {
    const msg = bothLanguages(reason.key, reason.vars);
    // kept as HR will read it; a NUL (which the database refuses) is shown as the two characters \0
    quarantine.push({
      line,
      raw: raw.slice(0, 2000).replace(/\0/g, "\\0"),
      field: reason.field ?? null,
      reasonId: msg.id.replace(/\0/g, ""),
      reasonEn: msg.en.replace(/\0/g, ""),
    });
  };

  rmSync(out.dir, { recursive: true, force: true });
  mkdirSync(out.dir, { recursive: true });
  let chunk = 0;
  let inChunk = 0;
  const chunkCounts: number[] = [];
  let buffer: string[] = [];
  let fd = openSync(path.join(out.dir, chunkName(0)), "w");
  const flush = () => {
    if (buffer.length) writeSync(fd, buffer.join(""));
    buffer = [];
  };

  const seen = new Set<number>();
  const days = new Set<number>();
  const monthly = new Set<number>();
  const daily = new Set<number>();
  const summaries = new Map<number, DaySummary>();
  let read = 0;
  let valid = 0;
  let duplicate = 0;
  try {
    for (const rec of records) {
      read++;
      if (rec.error === "unterminatedQuote") {
        reject(rec.line, rec.raw, { key: "etl.reason.unterminatedQuote" });
        continue;
      }
      if (anyNul && rec.raw.includes("\0")) {
        reject(rec.line, rec.raw, { key: "etl.reason.nul" });
        continue;
      }
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
          ? normaliseAttendance(region, parsed.data as AttendanceRow, rec.line, out.today)
          : normaliseEkinerja(region, parsed.data as EkinerjaRow, rec.line, out.today);
      if (problem) {
        reject(rec.line, rec.raw, problem);
        continue;
      }
      const { key, day, unit, tsv, sumA, sumB } = scratch;
      if (seen.has(key)) {
        duplicate++;
        continue;
      }
      seen.add(key);
      days.add(day);
      if (file.kind === "EKINERJA") (key % 2 === 1 ? daily : monthly).add(day);
      valid++;
      if (inChunk === chunkRows) {
        chunkCounts.push(inChunk);
        flush();
        closeSync(fd);
        fd = openSync(path.join(out.dir, chunkName(++chunk)), "w");
        inChunk = 0;
      }
      buffer.push(tsv);
      inChunk++;
      if (buffer.length === 1024) flush(); // short-lived strings stay in the young generation
      const sk = unit * 65_536 + (day & 65_535);
      let sum = summaries.get(sk);
      if (!sum) summaries.set(sk, (sum = { day, unitId: region.unitIds[unit]!, rows: 0, sumA: 0, sumB: 0 }));
      sum.rows++;
      sum.sumA += sumA;
      sum.sumB += sumB;
    }
    flush();
    chunkCounts.push(inChunk);
  } finally {
    closeSync(fd);
  }
  writeChunkCounts(out.dir, chunkCounts);
  return {
    read,
    valid,
    duplicate,
    quarantine,
    summaries: [...summaries.values()],
    days: [...days],
    periods: { monthly: [...monthly], daily: [...daily] },
    chunks: chunk + 1,
  };
}

/** Rows per chunk file, kept beside them so loading need not count lines. */
const employedOn = (e: EmployeeRef, day: number) => employedOnDay(e.appointedDay, e.retiredDay, day);

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));

function deadlineOf(region: Runtime, kind: "monthly" | "daily", period: string) {
  const k = kind + period;
  let v = region.deadlines.get(k);
  if (!v) {
    const d = ekinerjaDeadline(region, kind, period);
    v = { day: d, iso: isoDay(d) };
    region.deadlines.set(k, v);
  }
  return v;
}

/**
 * A NIP no employee of the region has. Exports only match NIPs to known employees, so a malformed one is
 * unknown too, but saying why (its birth date, its sex digit…) tells HR it is a typo, not a missing employee.
 */
function unknownNip(nip: string): RowReason {
  const check = checkAnyNip(nip);
  if (check.ok) return { key: "etl.reason.nipUnknown", field: "nip" };
  return { key: `etl.reason.${check.problem}`, field: "nip" };
}

function normaliseAttendance(region: Runtime, r: AttendanceRow, line: number, today: number): RowReason | null {
  const emp = region.employees.get(r.nip);
  if (!emp) return unknownNip(r.nip);
  const d = dayNumber(r.date);
  if (d > today) return { key: "etl.reason.future", field: "date" };
  if (!employedOn(emp, d)) return { key: "etl.reason.notEmployed", field: "date" };
  scratch.tsv = `${region.id}\t${emp.unitId}\t${emp.id}\t${r.date}\t${r.status}\t${r.checkIn ?? N}\t${r.checkOut ?? N}\t${r.lateMinutes}\t${line}\n`;
  scratch.key = attendanceKey(emp.idx, d);
  scratch.day = d;
  scratch.unit = emp.unitIdx;
  scratch.sumA = r.lateMinutes;
  scratch.sumB = r.status === "TK" ? 1 : 0;
  return null;
}

function normaliseEkinerja(region: Runtime, r: EkinerjaRow, line: number, today: number): RowReason | null {
  const emp = region.employees.get(r.nip);
  if (!emp) return unknownNip(r.nip);
  const period = dayNumber(r.period);
  if (period > today) return { key: "etl.reason.future", field: "period" };
  const lastDay = r.kind === "daily" ? period : dayNumber(isoDay(period + 31).slice(0, 8) + "01") - 1;
  if (
    !(r.kind === "daily" ? employedOn(emp, period) : employedWithin(emp.appointedDay, emp.retiredDay, period, lastDay))
  ) {
    return { key: "etl.reason.notEmployed", field: "period" };
  }
  const dl = deadlineOf(region, r.kind, r.period);
  let submitted = N;
  let state = "missing";
  if (r.submittedAt !== "") {
    const local = parseLocalDateTime(r.submittedAt, region.offsetHours);
    if (!local) return { key: "etl.reason.submittedAt", field: "submittedAt" };
    const localDay = dayNumber(local.date);
    if (localDay > today) return { key: "etl.reason.future", field: "submittedAt" };
    // local wall time → UTC "yyyy-mm-dd hh:mm:00.000" without building a Date per row
    let utcMinutes = local.minutes - region.offsetHours * 60;
    let utcDate = local.date;
    if (utcMinutes < 0) {
      utcMinutes += 1440;
      utcDate = isoDay(localDay - 1);
    }
    submitted = `${utcDate} ${pad2(Math.floor(utcMinutes / 60))}:${pad2(utcMinutes % 60)}:00.000`;
    state = localDay <= dl.day ? "on_time" : "late";
  }
  scratch.tsv = `${region.id}\t${emp.unitId}\t${emp.id}\t${r.kind}\t${r.period}\t${dl.iso}\t${submitted}\t${state}\t${r.approval}\t${line}\n`;
  scratch.key = ekinerjaKey(emp.idx, r.kind, period);
  scratch.day = period;
  scratch.unit = emp.unitIdx;
  scratch.sumA = state === "missing" ? 0 : 1;
  scratch.sumB = state === "on_time" ? 1 : 0;
  return null;
}
