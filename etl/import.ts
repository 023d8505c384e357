// Importing a source file: every row is validated; bad rows go to quarantine with their line and a
// reason in both languages; good rows are normalised into a TSV kept in the data folder (the system
// of record for file data, so ClickHouse can be rebuilt), with per-day, per-unit sums for etl:verify.
// The same file (by SHA-256) is imported once. Loading into ClickHouse is a separate, idempotent step.
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
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

interface Normalised {
  key: string;
  day: number;
  unitId: string;
  tsv: string;
  sumA: number;
  sumB: number;
}

export function importsDir(dataDir: string) {
  return path.join(dataDir, "imports");
}

export async function importFile(
  io: { db: Db; ch: ClickHouse; dataDir: string; region: RegionContext; today?: string; importedBy?: string },
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
  const rows: Normalised[] = [];
  let read = 0;
  const reject = (line: number, raw: string, reason: RowReason) => {
    const msg = bothLanguages(reason.key, reason.vars);
    quarantine.push({ line, raw: raw.slice(0, 2000), field: reason.field ?? null, reasonId: msg.id, reasonEn: msg.en });
  };

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
    const result =
      file.kind === "ATTENDANCE"
        ? normaliseAttendance(region, parsed.data as AttendanceRow, rec.line, today)
        : normaliseEkinerja(region, parsed.data as EkinerjaRow, rec.line, today);
    if ("tsv" in result) rows.push(result);
    else reject(rec.line, rec.raw, result);
  }

  // Duplicates: the same key twice in this file, or a key an earlier file already loaded.
  const seen = new Set<string>();
  const loadedKeys = await existingKeys(io.ch, region.id, file.kind, rows);
  const unique: Normalised[] = [];
  let duplicate = 0;
  for (const r of rows) {
    if (seen.has(r.key) || loadedKeys.has(r.key)) duplicate++;
    else {
      seen.add(r.key);
      unique.push(r);
    }
  }

  // The normalised rows, written atomically under a name given by the file's content.
  const dir = importsDir(io.dataDir);
  mkdirSync(dir, { recursive: true });
  const storedPath = path.join(dir, `${file.kind.toLowerCase()}-${sha256.slice(0, 32)}.tsv`);
  let tsv = "";
  for (const r of unique) tsv += r.tsv;
  writeFileSync(storedPath + ".tmp", tsv);
  renameSync(storedPath + ".tmp", storedPath);

  const summaries = new Map<string, { day: number; unitId: string; rows: number; sumA: number; sumB: number }>();
  for (const r of unique) {
    const k = `${r.day}|${r.unitId}`;
    const s = summaries.get(k) ?? { day: r.day, unitId: r.unitId, rows: 0, sumA: 0, sumB: 0 };
    s.rows++;
    s.sumA += r.sumA;
    s.sumB += r.sumB;
    summaries.set(k, s);
  }

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

function employedOn(e: EmployeeRef, day: number) {
  return day >= e.appointedDay && (e.retiredDay === null || day < e.retiredDay);
}

const N = "\\N";

function normaliseAttendance(region: RegionContext, r: AttendanceRow, line: number, today: number): Normalised | RowReason {
  const emp = region.employees.get(r.nip);
  if (!emp) return { key: "etl.reason.nipUnknown", field: "nip" };
  const day = dayNumber(r.date);
  if (day > today) return { key: "etl.reason.future", field: "date" };
  if (!employedOn(emp, day)) return { key: "etl.reason.notEmployed", field: "date" };
  const tsv = `${region.id}\t${emp.unitId}\t${emp.id}\t${r.date}\t${r.status}\t${r.checkIn ?? N}\t${r.checkOut ?? N}\t${r.lateMinutes}\t${line}\n`;
  return { key: `${emp.id}|${day}`, day, unitId: emp.unitId, tsv, sumA: r.lateMinutes, sumB: r.status === "TK" ? 1 : 0 };
}

function normaliseEkinerja(region: RegionContext, r: EkinerjaRow, line: number, today: number): Normalised | RowReason {
  const emp = region.employees.get(r.nip);
  if (!emp) return { key: "etl.reason.nipUnknown", field: "nip" };
  const period = dayNumber(r.period);
  if (period > today) return { key: "etl.reason.future", field: "period" };
  const lastDay = r.kind === "daily" ? period : dayNumber(isoDay(period + 31).slice(0, 8) + "01") - 1;
  if (!(lastDay >= emp.appointedDay && (emp.retiredDay === null || period < emp.retiredDay))) {
    return { key: "etl.reason.notEmployed", field: "period" };
  }
  const deadline = ekinerjaDeadline(region, r.kind, r.period);
  let submitted = N;
  let state = "missing";
  if (r.submittedAt !== "") {
    const local = parseLocalDateTime(r.submittedAt, region.offsetHours);
    if (!local) return { key: "etl.reason.submittedAt", field: "submittedAt" };
    const localDay = dayNumber(local.date);
    if (localDay > today) return { key: "etl.reason.future", field: "submittedAt" };
    const utcMs = localDay * 86_400_000 + (local.minutes - region.offsetHours * 60) * 60_000;
    submitted = new Date(utcMs).toISOString().replace("T", " ").replace("Z", "");
    state = localDay <= deadline ? "on_time" : "late";
  }
  const tsv = `${region.id}\t${emp.unitId}\t${emp.id}\t${r.kind}\t${r.period}\t${isoDay(deadline)}\t${submitted}\t${state}\t${r.approval}\t${line}\n`;
  return {
    key: `${emp.id}|${r.kind}|${period}`,
    day: period,
    unitId: emp.unitId,
    tsv,
    sumA: state === "missing" ? 0 : 1,
    sumB: state === "on_time" ? 1 : 0,
  };
}

/** Keys already in ClickHouse for the days this file covers (asked only when any rows exist there). */
async function existingKeys(ch: ClickHouse, regionId: string, kind: ImportKind, rows: Normalised[]): Promise<Set<string>> {
  const keys = new Set<string>();
  if (rows.length === 0) return keys;
  let min = Infinity;
  let max = -Infinity;
  for (const r of rows) {
    if (r.day < min) min = r.day;
    if (r.day > max) max = r.day;
  }
  const params = { region: regionId, from: isoDay(min), to: isoDay(max) };
  if (kind === "ATTENDANCE") {
    const [{ n } = { n: 0 }] = await ch.query<{ n: number }>(
      "SELECT count() AS n FROM fact_attendance WHERE region_id = {region:String} AND day BETWEEN {from:Date} AND {to:Date}",
      params,
    );
    if (n === 0) return keys;
    const found = await ch.query<{ k: string }>(
      "SELECT concat(employee_id, '|', toString(toUInt32(day))) AS k FROM fact_attendance WHERE region_id = {region:String} AND day BETWEEN {from:Date} AND {to:Date}",
      params,
    );
    for (const f of found) keys.add(f.k);
  } else {
    const [{ n } = { n: 0 }] = await ch.query<{ n: number }>(
      "SELECT count() AS n FROM fact_ekinerja WHERE region_id = {region:String} AND period BETWEEN {from:Date} AND {to:Date}",
      params,
    );
    if (n === 0) return keys;
    const found = await ch.query<{ k: string }>(
      "SELECT concat(employee_id, '|', kind, '|', toString(toUInt32(period))) AS k FROM fact_ekinerja WHERE region_id = {region:String} AND period BETWEEN {from:Date} AND {to:Date}",
      params,
    );
    for (const f of found) keys.add(f.k);
  }
  return keys;
}
