// The master-data files' columns: what Pantau needs of a unit list (SOTK) and of an employee export,
// and the header names SIASN, SIMPEG exports and hand-made lists use for them. A file whose headers
// are not here is mapped by hand once (the mapping is saved per header row: ImportMapping).
import { createHash } from "node:crypto";
import type { MasterKind } from "@/generated/prisma/enums";
import { headerKey } from "../extract/sources/csv";

export interface MasterField {
  field: string;
  names: readonly string[];
  /** true: the column must be there; a group name: one column of that group must be there. */
  required: boolean | "unit";
}

export const UNIT_FIELDS: readonly MasterField[] = [
  {
    field: "code",
    names: [
      "Kode Unit",
      "Kode",
      "Kode OPD",
      "Kode Unor",
      "ID Unor",
      "Kode Satker",
      "Kode Unit Kerja",
      "Unit Code",
      "Code",
    ],
    required: false,
  },
  {
    field: "name",
    names: [
      "Nama Unit",
      "Unit Kerja",
      "Nama Unit Kerja",
      "Nama OPD",
      "OPD",
      "Nama Unor",
      "Unor",
      "Satuan Kerja",
      "Nama Satker",
      "Perangkat Daerah",
      "Unit",
      "Unit Name",
      "Name",
    ],
    required: true,
  },
  {
    field: "parentCode",
    names: ["Kode Induk", "Kode Unit Induk", "Kode Unor Induk", "Kode Atasan", "Parent Code"],
    required: false,
  },
  {
    field: "parentName",
    names: [
      "Induk",
      "Unit Induk",
      "Nama Induk",
      "Nama Unit Induk",
      "Unor Induk",
      "Nama Unor Induk",
      "Unor Atasan",
      "Atasan",
      "Parent",
      "Parent Unit",
    ],
    required: false,
  },
];

export const EMPLOYEE_FIELDS: readonly MasterField[] = [
  {
    field: "nip",
    names: ["NIP", "NIP Baru", "NIP/NIPPPK", "NIPPPK", "NI PPPK", "Nomor Induk Pegawai", "NIP 18"],
    required: true,
  },
  { field: "name", names: ["Nama", "Nama Lengkap", "Nama Pegawai", "Nama ASN", "Name", "Full Name"], required: true },
  { field: "frontTitle", names: ["Gelar Depan", "Glr Depan", "Gelar Dpn", "Title Before"], required: false },
  { field: "backTitle", names: ["Gelar Belakang", "Glr Belakang", "Gelar Blkg", "Title After"], required: false },
  {
    field: "type",
    names: ["Jenis Pegawai", "Status Kepegawaian", "Jenis ASN", "Status ASN", "Jenis Kepegawaian", "Employment Type"],
    required: false,
  },
  { field: "gender", names: ["Jenis Kelamin", "JK", "L/P", "Kelamin", "Gender", "Sex"], required: false },
  {
    field: "rank",
    names: [
      "Golongan",
      "Gol",
      "Gol/Ruang",
      "Golongan/Ruang",
      "Pangkat/Golongan",
      "Gol. Ruang",
      "Golongan Ruang",
      "Golongan Akhir",
      "Rank",
    ],
    required: false,
  },
  { field: "position", names: ["Jabatan", "Nama Jabatan", "Jabatan Terakhir", "Position"], required: false },
  {
    field: "unitCode",
    names: ["Kode Unit", "Kode Unor", "ID Unor", "Kode OPD", "Kode Satker", "Unit Code"],
    required: "unit",
  },
  {
    field: "unitName",
    names: [
      "Unit Kerja",
      "Nama Unit",
      "Nama Unit Kerja",
      "Unor",
      "Nama Unor",
      "OPD",
      "Nama OPD",
      "Satuan Kerja",
      "Perangkat Daerah",
      "Unit",
    ],
    required: "unit",
  },
  {
    field: "parentUnitName",
    names: [
      "Unit Induk",
      "Induk",
      "Unor Induk",
      "Nama Unor Induk",
      "Induk Unit Kerja",
      "Perangkat Daerah Induk",
      "OPD Induk",
      "Parent Unit",
    ],
    required: false,
  },
  {
    field: "appointedOn",
    names: ["TMT CPNS", "TMT PPPK", "TMT Pengangkatan", "TMT", "Tanggal Pengangkatan", "Appointed On"],
    required: false,
  },
  {
    field: "status",
    names: ["Status", "Status Aktif", "Keaktifan", "Kedudukan", "Kedudukan Hukum", "Status Pegawai"],
    required: false,
  },
  {
    field: "leftOn",
    names: ["TMT Pensiun", "TMT Berhenti", "Tanggal Berhenti", "Tanggal Keluar", "TMT Keluar", "Left On"],
    required: false,
  },
];

export const FIELDS: Record<MasterKind, readonly MasterField[]> = { UNITS: UNIT_FIELDS, EMPLOYEES: EMPLOYEE_FIELDS };

/** Pantau field → the column's index in the file. */
export type ColumnMap = Partial<Record<string, number>>;

/** A header text names one of the kind's columns. */
export function knownHeader(kind: MasterKind): (key: string) => boolean {
  const keys = new Set(FIELDS[kind].flatMap((f) => f.names.map(headerKey)));
  return (k) => keys.has(k);
}

/** Both lists' headers, for telling which list a file is (the command line). */
export function guessKind(header: readonly string[]): MasterKind | null {
  const keys = header.map(headerKey);
  const has = (kind: MasterKind, field: string) =>
    FIELDS[kind].find((f) => f.field === field)!.names.some((n) => keys.includes(headerKey(n)));
  if (has("EMPLOYEES", "nip")) return "EMPLOYEES";
  if (has("UNITS", "name")) return "UNITS";
  return null;
}

/** The columns recognised by name; a header cell is used once (the first field that names it). */
export function autoMap(kind: MasterKind, header: readonly string[]): ColumnMap {
  const keys = header.map(headerKey);
  const used = new Set<number>();
  const map: ColumnMap = {};
  for (const f of FIELDS[kind]) {
    for (const n of f.names) {
      const i = keys.findIndex((k, idx) => k === headerKey(n) && !used.has(idx));
      if (i !== -1) {
        map[f.field] = i;
        used.add(i);
        break;
      }
    }
  }
  // A unit list's "Kode" that is really the parent's ("Kode Induk") was matched above by its own name.
  return map;
}

/** The required fields a map lacks. */
export function missingFields(kind: MasterKind, map: ColumnMap): string[] {
  const missing = FIELDS[kind].filter((f) => f.required === true && map[f.field] === undefined).map((f) => f.field);
  const groups = new Set(FIELDS[kind].filter((f) => typeof f.required === "string").map((f) => f.required as string));
  for (const g of groups) {
    const members = FIELDS[kind].filter((f) => f.required === g);
    if (!members.some((f) => map[f.field] !== undefined)) missing.push(members.map((f) => f.field).join("|"));
  }
  return missing;
}

/** A header row's identity: the same export next month has the same one. */
export function headerSignature(header: readonly string[]): string {
  return createHash("sha256").update(header.map(headerKey).join("\u0001")).digest("hex").slice(0, 32);
}

/**
 * The column a saved mapping means: the one at its saved position when that still has the saved name
 * (two columns may share a name — "Nama" of the person and of the unit), else the first of that name.
 */
export function savedColumn(header: readonly string[], saved: Record<string, string>, field: string): number {
  const name = saved[field];
  if (name === undefined) return -1;
  const at = Number(saved[`@${field}`]);
  if (Number.isInteger(at) && at >= 0 && header[at] !== undefined && headerKey(header[at]!) === headerKey(name))
    return at;
  return header.map(headerKey).indexOf(headerKey(name));
}

/** A saved mapping (field → header text, "@field" → its position) applied to this file's header; fields whose column is gone are dropped. */
export function mapFromSaved(header: readonly string[], saved: Record<string, string>): ColumnMap {
  const map: ColumnMap = {};
  for (const field of Object.keys(saved)) {
    if (field.startsWith("@")) continue;
    const i = savedColumn(header, saved, field);
    if (i !== -1) map[field] = i;
  }
  return map;
}

/** A map as it is saved: field → header text, and "@field" → the column's position. */
export function savedFromMap(header: readonly string[], map: ColumnMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, i] of Object.entries(map)) {
    if (i === undefined || !header[i]) continue;
    out[field] = header[i]!;
    out[`@${field}`] = String(i);
  }
  return out;
}
