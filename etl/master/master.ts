// Importing master data, start to end, for the browser (/data/induk) and the command line alike:
// keep the upload, read it, map its columns (automatically, from a saved mapping, or as the
// administrator chose), plan, and apply. One path, so both give the same result and report.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { MasterKind } from "@/generated/prisma/enums";
import { translator } from "@/i18n/catalog";
import type { Actor } from "@/server/audit";
import type { Db } from "@/server/db/client";
import { applyPlan, foreignEmployees, ImportClosedError, loadMasterState } from "./apply";
import {
  autoMap,
  FIELDS,
  headerSignature,
  knownHeader,
  mapFromSaved,
  missingFields,
  savedFromMap,
  type ColumnMap,
} from "./fields";
import { plan, type Plan, type PlanOptions } from "./plan";
import { attendanceFormat } from "../extract/sources/attendance";
import { headerKey } from "../extract/sources/csv";
import { ekinerjaFormat } from "../extract/sources/ekinerja";
import {
  cellText,
  findHeader,
  isXlsx,
  nipOfCell,
  readRows,
  SheetError,
  tableOf,
  type SheetRow,
  type Table,
} from "./sheet";
import { installationRegion } from "@/server/region";

/** Beside a master-data file in the server's inbox: the command line's options for it, as JSON. */
export const MASTER_OPTIONS_SUFFIX = ".pantau-options.json";

export function masterDir(dataDir: string) {
  return path.join(dataDir, "master");
}

export interface MasterFile {
  table: Table;
  signature: string;
  map: ColumnMap;
  /** Where the map came from. */
  mapSource: "import" | "saved" | "auto";
  missing: string[];
}

const headerOrWidest = (rows: SheetRow[], kind: MasterKind) => tableOf(rows, knownHeader(kind));

export async function readMasterFile(
  db: Db,
  regionId: string,
  kind: MasterKind,
  bytes: Uint8Array,
  chosen?: Record<string, string> | null,
): Promise<MasterFile> {
  const rows = await readRows(bytes);
  if (rows.length === 0) throw new SheetError("master.error.empty");
  const table = headerOrWidest(rows, kind);
  const signature = headerSignature(table.header);
  let map: ColumnMap;
  let mapSource: MasterFile["mapSource"];
  if (chosen) {
    map = mapFromSaved(table.header, chosen);
    mapSource = "import";
  } else {
    const saved = await db.importMapping.findUnique({
      where: { regionId_kind_signature: { regionId, kind, signature } },
    });
    if (saved) {
      map = mapFromSaved(table.header, saved.columns as Record<string, string>);
      mapSource = "saved";
    } else {
      map = autoMap(kind, table.header);
      mapSource = "auto";
    }
  }
  return { table, signature, map, mapSource, missing: missingFields(kind, map) };
}

/** Up to `n` distinct sample values of each column, to choose a mapping by. */
export function columnSamples(table: Table, n = 3): string[][] {
  return table.header.map((_, i) => {
    const out: string[] = [];
    for (const r of table.rows) {
      const v = cellText(r.cells[i] ?? null);
      if (v && !out.includes(v)) out.push(v.length > 40 ? `${v.slice(0, 40)}…` : v);
      if (out.length >= n) break;
    }
    return out;
  });
}

export async function planMaster(
  db: Db,
  regionId: string,
  kind: MasterKind,
  file: MasterFile,
  opts: PlanOptions,
): Promise<Plan> {
  const state = await loadMasterState(db, regionId);
  if (kind === "EMPLOYEES" && file.map.nip !== undefined) {
    const nips = file.table.rows
      .map((r) => nipOfCell(r.cells[file.map.nip!] ?? null))
      .flatMap((c) => (c.ok ? [c.nip] : []));
    state.employees.push(...(await foreignEmployees(db, regionId, nips)));
  }
  return plan(kind, state, file.table.rows, file.map, opts);
}

/** Keeps an uploaded file and records it for preview. */
export async function receiveMaster(
  db: Db,
  dataDir: string,
  input: { regionId: string; kind: MasterKind; fileName: string; bytes: Uint8Array; createdById: string | null },
) {
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const dir = masterDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const ext = isXlsx(input.bytes) ? "xlsx" : "csv";
  // the file first, then the row that points at it: a process killed between leaves a stray file, never a row without one
  const stored = path.join(
    "master",
    `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}-${sha256.slice(0, 16)}.${ext}`,
  );
  writeFileSync(path.join(dataDir, stored), input.bytes);
  return db.masterImport.create({
    data: {
      regionId: input.regionId,
      kind: input.kind,
      fileName: input.fileName,
      sha256,
      storedPath: stored,
      createdById: input.createdById,
    },
  });
}

export function storedBytes(dataDir: string, storedPath: string): Uint8Array {
  return readFileSync(path.join(dataDir, storedPath));
}

/** The administrator's choice of columns: saved for this header row, so next month's export needs no mapping. */
export async function saveMapping(
  db: Db,
  regionId: string,
  kind: MasterKind,
  importId: number,
  file: MasterFile,
  map: ColumnMap,
) {
  const columns = savedFromMap(file.table.header, map);
  await db.importMapping.upsert({
    where: { regionId_kind_signature: { regionId, kind, signature: file.signature } },
    update: { columns },
    create: { regionId, kind, signature: file.signature, columns },
  });
  await db.masterImport.update({ where: { id: importId }, data: { mapping: columns } });
}

export async function applyMaster(
  db: Db,
  dataDir: string,
  actor: Actor,
  importId: number,
  opts: PlanOptions,
): Promise<{ plan: Plan } | { error: "notFound" | "done" | "unmapped" }> {
  const imp = await db.masterImport.findUnique({ where: { id: importId } });
  if (!imp) return { error: "notFound" };
  if (imp.status !== "PREVIEW") return { error: "done" };
  const file = await readMasterFile(
    db,
    imp.regionId,
    imp.kind,
    storedBytes(dataDir, imp.storedPath),
    imp.mapping as Record<string, string> | null,
  );
  if (file.missing.length) return { error: "unmapped" };
  const p = await planMaster(db, imp.regionId, imp.kind, file, opts);
  try {
    await applyPlan(db, actor, imp.regionId, p, { importId, fileName: imp.fileName });
  } catch (err) {
    if (err instanceof ImportClosedError) return { error: "done" };
    throw err;
  }
  return { plan: p };
}

export async function cancelMaster(db: Db, dataDir: string, importId: number): Promise<boolean> {
  const imp = await db.masterImport.findUnique({ where: { id: importId } });
  if (!imp) return false;
  // only a preview is cancelled: an apply that claimed it first keeps it (and its file)
  const cancelled = await db.masterImport.updateMany({
    where: { id: importId, status: "PREVIEW" },
    data: { status: "CANCELLED" },
  });
  if (cancelled.count !== 1) return false;
  if (imp.storedPath) rmSync(path.join(dataDir, imp.storedPath), { force: true });
  return true;
}

/** The fields of a kind, for the mapping form. */
export function fieldsOf(kind: MasterKind) {
  return FIELDS[kind];
}

/** Header names only an attendance or e-Kinerja export has: their columns' aliases that no master-data column also uses (NIP, status). */
const MASTER_KEYS = new Set([...FIELDS.UNITS, ...FIELDS.EMPLOYEES].flatMap((f) => f.names.map(headerKey)));
const SOURCE_ONLY = new Set(
  [...attendanceFormat.columns, ...ekinerjaFormat.columns]
    .flatMap((c) => c.names.map(headerKey))
    .filter((k) => !MASTER_KEYS.has(k)),
);

/** A unit list or an employee export (not an attendance or e-Kinerja export), told by its header; null otherwise. */
export async function masterKindOf(bytes: Uint8Array): Promise<MasterKind | null> {
  let rows: SheetRow[];
  try {
    rows = await readRows(bytes, 40); // the header is among the first rows: a 200 MB export is not read for this
  } catch {
    return null;
  }
  for (const kind of ["EMPLOYEES", "UNITS"] as const) {
    let table: Table;
    try {
      table = findHeader(rows, knownHeader(kind));
    } catch {
      continue;
    }
    if (table.header.some((h) => SOURCE_ONLY.has(headerKey(h)))) return null;
    const map = autoMap(kind, table.header);
    if (kind === "EMPLOYEES" && map.nip !== undefined && map.name !== undefined) return "EMPLOYEES";
    if (kind === "UNITS" && map.name !== undefined && autoMap("EMPLOYEES", table.header).nip === undefined)
      return "UNITS";
  }
  return null;
}

export type UnattendedResult =
  | { ok: true; importId: number; plan: Plan }
  | { ok: false; importId: number; missing: string[] }
  | { ok: false; importId: null; error: SheetError["key"] | "master.noRegion" };

/**
 * The same import without a person at the screen (the command line, files in the server's inbox): the
 * saved mapping or the recognised columns, then straight to applying. A file whose columns need
 * mapping stays as a preview to be mapped once in the browser.
 */
export async function importMasterUnattended(
  db: Db,
  dataDir: string,
  actor: Actor,
  input: { kind: MasterKind; fileName: string; bytes: Uint8Array; opts: PlanOptions },
): Promise<UnattendedResult> {
  const region = await installationRegion(db);
  if (!region) return { ok: false, importId: null, error: "master.noRegion" };
  let file: MasterFile;
  try {
    file = await readMasterFile(db, region.id, input.kind, input.bytes);
  } catch (err) {
    if (err instanceof SheetError) return { ok: false, importId: null, error: err.key };
    throw err;
  }
  const imp = await receiveMaster(db, dataDir, {
    regionId: region.id,
    kind: input.kind,
    fileName: input.fileName,
    bytes: input.bytes,
    createdById: actor.id,
  });
  if (file.missing.length) return { ok: false, importId: imp.id, missing: file.missing };
  const p = await planMaster(db, region.id, input.kind, file, input.opts);
  await applyPlan(db, actor, region.id, p, { importId: imp.id, fileName: imp.fileName });
  return { ok: true, importId: imp.id, plan: p };
}

/** What an unattended import did, as lines in Indonesian and English (the command line, the server log). */
export function describeUnattended(fileName: string, r: UnattendedResult): string[] {
  const id = translator("id");
  const en = translator("en");
  if (r.ok) {
    const c = r.plan.counts;
    const lines = [
      `[master] ${fileName}: ${Object.entries(c)
        .filter(([, v]) => v > 0)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
      // no values in the log (a NIP is personal data): the row and the reason; the page shows the rest
      ...r.plan.problems.slice(0, 20).map((p) => `  baris/row ${p.line} (${p.field ?? "-"}): ${p.key}`),
    ];
    if (r.plan.problems.length > 20) lines.push(`  … ${r.plan.problems.length - 20} more (/data/induk/${r.importId})`);
    return lines;
  }
  if (r.importId === null) return [`[master] ${fileName}: ${id(r.error)} / ${en(r.error)}`];
  const fields = r.missing.join(", ");
  return [
    `[master] ${fileName}: ${id("master.map.error.missing", { fields })} ${id("master.map.lead")}`,
    `[master] ${fileName}: ${en("master.map.error.missing", { fields })} — open /data/induk/${r.importId} to map the columns once.`,
  ];
}
