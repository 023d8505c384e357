// The fact tables file imports load, declared once: the table, the columns the stored chunk files
// hold (in their order, as parse.ts writes them) and the columns the load derives. The DDL is in the
// ClickHouse migrations (0002, 0007); facts.test.ts holds this declaration to the migrated tables.
import type { ImportKind } from "@/generated/prisma/enums";

type FactKind = Extract<ImportKind, "ATTENDANCE" | "EKINERJA">;

interface FactTable {
  table: string;
  /** Columns of a stored chunk line, with the type file() reads them as. */
  stored: readonly (readonly [name: string, type: string])[];
  /** Columns the load computes (attendance: what the day counts as, from src/lib/domain/attendance.ts). */
  derived: readonly (readonly [name: string, type: string])[];
}

export const FACTS: Record<FactKind, FactTable> = {
  ATTENDANCE: {
    table: "fact_attendance",
    stored: [
      ["region_id", "String"],
      ["unit_id", "String"],
      ["employee_id", "String"],
      ["day", "Date"],
      ["status", "String"],
      ["check_in", "Nullable(UInt16)"],
      ["check_out", "Nullable(UInt16)"],
      ["late_minutes", "UInt16"],
      ["line", "UInt32"],
    ],
    derived: [
      ["due", "UInt8"],
      ["present", "UInt8"],
    ],
  },
  EKINERJA: {
    table: "fact_ekinerja",
    stored: [
      ["region_id", "String"],
      ["unit_id", "String"],
      ["employee_id", "String"],
      ["kind", "String"],
      ["period", "Date"],
      ["deadline", "Date"],
      ["submitted_at", "Nullable(DateTime64(3, 'UTC'))"],
      ["state", "String"],
      ["approval", "String"],
      ["line", "UInt32"],
    ],
    derived: [],
  },
};

/** The batch a row came from: put in front of every stored line at load. */
export const BATCH_COLUMN = ["batch_id", "UInt32"] as const;

/** The insert's column list: batch, stored, derived. */
export function factColumns(kind: FactKind): string[] {
  const f = FACTS[kind];
  return [BATCH_COLUMN[0], ...f.stored.map(([n]) => n), ...f.derived.map(([n]) => n)];
}

/** The stored chunk files' structure, as file() reads them. */
export function chunkStructure(kind: FactKind): string {
  return FACTS[kind].stored.map(([n, t]) => `${n} ${t}`).join(", ");
}

/** Where in a stored line a column sits (0-based). */
export function storedField(kind: FactKind, name: string): number {
  const i = FACTS[kind].stored.findIndex(([n]) => n === name);
  if (i < 0) throw new Error(`${FACTS[kind].table} stores no column ${name}`);
  return i;
}
