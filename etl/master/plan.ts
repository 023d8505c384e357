// What importing a unit list or an employee export would change, worked out before anything is stored:
// the preview shows it, applying it (apply.ts) does exactly it. Re-importing is an update by code (units)
// or NIP (employees), never a delete: a unit that closed or merged and an employee who retired or left
// become inactive; an employee who moved keeps the past where it happened (facts carry their unit).
import { randomUUID } from "node:crypto";
import type { EmploymentType, Gender, MasterKind } from "@/generated/prisma/enums";
import type { MessageKey } from "@/i18n/catalog";
import { checkNip } from "@/lib/domain/nip";
import { cleanText } from "@/lib/text";
import type { ColumnMap } from "./fields";
import { cellText, dateOfCell, nipOfCell, type Cell, type SheetRow } from "./sheet";

export interface UnitState {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  active: boolean;
}

export interface EmployeeState {
  id: string;
  nip: string;
  unitId: string;
  name: string;
  employmentType: EmploymentType;
  gender: Gender;
  rank: string;
  position: string;
  appointedOn: string;
  retiredOn: string | null;
  active: boolean;
}

export interface MasterState {
  regionId: string;
  units: UnitState[];
  employees: EmployeeState[];
}

export interface PlanOptions {
  /** The day the export describes (default: today): who left without a date left on it. */
  asOf: string;
  /**
   * The file is complete for what it covers: units missing from a complete unit list, and active
   * employees of the file's units missing from a complete employee export, become inactive.
   */
  complete: boolean;
}

export interface Problem {
  line: number;
  field: string | null;
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export interface UnitChange {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  active: boolean;
  before: UnitState | null;
}

export interface EmployeeChange {
  after: EmployeeState;
  before: EmployeeState | null;
  moved: boolean;
}

export interface PlanCounts {
  rows: number;
  problems: number;
  unitsCreated: number;
  unitsUpdated: number;
  unitsDeactivated: number;
  employeesCreated: number;
  employeesUpdated: number;
  employeesMoved: number;
  employeesDeactivated: number;
  employeesReactivated: number;
  employeesUnchanged: number;
}

export interface Plan {
  kind: MasterKind;
  counts: PlanCounts;
  problems: Problem[];
  units: UnitChange[];
  employees: EmployeeChange[];
}

const emptyCounts = (): PlanCounts => ({
  rows: 0,
  problems: 0,
  unitsCreated: 0,
  unitsUpdated: 0,
  unitsDeactivated: 0,
  employeesCreated: 0,
  employeesUpdated: 0,
  employeesMoved: 0,
  employeesDeactivated: 0,
  employeesReactivated: 0,
  employeesUnchanged: 0,
});

/** A unit's name compared loosely: case, punctuation and repeated spaces do not matter. */
export function nameKey(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const text = (c: Cell | undefined) => cleanText(cellText(c ?? null)).replace(/\s+/g, " ");

/** A code made from a unit's name when the list has none: "Dinas Pendidikan" → DINAS-PENDIDIKAN. */
function codeFromName(name: string, taken: Set<string>): string {
  const base =
    nameKey(name)
      .normalize("NFKD")
      .replace(/[^\w ]/g, "")
      .trim()
      .toUpperCase()
      .replace(/\s+/g, "-")
      .slice(0, 40) || "UNIT";
  let code = base;
  for (let i = 2; taken.has(code); i++) code = `${base}-${i}`;
  taken.add(code);
  return code;
}

/** Units by code and by name, kept up to date as the plan adds units. */
class UnitIndex {
  readonly byId = new Map<string, UnitState>();
  readonly byCode = new Map<string, UnitState>();
  readonly byName = new Map<string, UnitState[]>();
  readonly codes = new Set<string>();

  constructor(units: UnitState[]) {
    for (const u of units) this.add(u);
  }

  add(u: UnitState) {
    this.byId.set(u.id, u);
    this.byCode.set(u.code.toUpperCase(), u);
    this.codes.add(u.code.toUpperCase());
    const k = nameKey(u.name);
    this.byName.set(k, [...(this.byName.get(k) ?? []), u]);
  }

  rename(u: UnitState, name: string) {
    const old = nameKey(u.name);
    this.byName.set(
      old,
      (this.byName.get(old) ?? []).filter((x) => x !== u),
    );
    u.name = name;
    const k = nameKey(name);
    this.byName.set(k, [...(this.byName.get(k) ?? []), u]);
  }

  /**
   * The unit of this name — under a parent of that name when one is given (a "Sekretariat" under
   * another Dinas is another unit) — or "ambiguous" when several fit.
   */
  find(name: string, parentName?: string): UnitState | "ambiguous" | null {
    let found = this.byName.get(nameKey(name)) ?? [];
    if (parentName) {
      const p = nameKey(parentName);
      found = found.filter((u) => u.parentId && nameKey(this.byId.get(u.parentId)?.name ?? "") === p);
    }
    if (found.length > 1) {
      const active = found.filter((u) => u.active);
      if (active.length === 1) return active[0]!;
    }
    return found.length === 1 ? found[0]! : found.length > 1 ? "ambiguous" : null;
  }
}

// ---- unit list (SOTK) ----

export function planUnits(state: MasterState, rows: SheetRow[], map: ColumnMap, opts: PlanOptions): Plan {
  const counts = emptyCounts();
  const problems: Problem[] = [];
  const index = new UnitIndex(state.units.map((u) => ({ ...u })));
  const original = new Map(state.units.map((u) => [u.id, u]));
  const col = (r: SheetRow, f: string) => (map[f] === undefined ? "" : text(r.cells[map[f]!]));
  type Entry = { line: number; unit: UnitState; parentCode: string; parentName: string };
  const entries: Entry[] = [];
  const seen = new Map<string, number>();

  for (const r of rows) {
    counts.rows++;
    const name = col(r, "name");
    const code = col(r, "code").toUpperCase();
    if (!name) {
      problems.push({ line: r.line, field: "name", key: "master.reason.unitName" });
      continue;
    }
    const parentName = col(r, "parentName");
    const key = code || `${nameKey(name)}|${nameKey(parentName)}`;
    const twice = seen.get(key);
    if (twice !== undefined) {
      problems.push({
        line: r.line,
        field: code ? "code" : "name",
        key: "master.reason.unitTwice",
        vars: { line: twice },
      });
      continue;
    }
    seen.set(key, r.line);
    let unit: UnitState | null = null;
    if (code) unit = index.byCode.get(code) ?? null;
    else {
      const f = index.find(name, parentName || undefined);
      if (f === "ambiguous") {
        problems.push({ line: r.line, field: "name", key: "master.reason.unitAmbiguous", vars: { name } });
        continue;
      }
      unit = f;
    }
    if (!unit) {
      unit = { id: randomUUID(), code: code || codeFromName(name, index.codes), name, parentId: null, active: true };
      index.add(unit);
    } else {
      const earlier = entries.find((e) => e.unit === unit);
      if (earlier) {
        problems.push({
          line: r.line,
          field: code ? "code" : "name",
          key: "master.reason.unitTwice",
          vars: { line: earlier.line },
        });
        continue;
      }
      if (unit.name !== name) index.rename(unit, name);
    }
    entries.push({ line: r.line, unit, parentCode: col(r, "parentCode").toUpperCase(), parentName });
  }

  // Parents once every unit of the file is known (a parent may come below its children).
  const listed = new Set<string>();
  for (const e of entries) {
    let parent: UnitState | null | "ambiguous" = null;
    if (e.parentCode) parent = index.byCode.get(e.parentCode) ?? null;
    else if (e.parentName) parent = index.find(e.parentName);
    if ((e.parentCode || e.parentName) && (parent === null || parent === "ambiguous")) {
      problems.push({
        line: e.line,
        field: e.parentCode ? "parentCode" : "parentName",
        key: parent === "ambiguous" ? "master.reason.unitAmbiguous" : "master.reason.parentUnknown",
        vars: { name: e.parentCode || e.parentName },
      });
      if (!original.has(e.unit.id)) index.byId.delete(e.unit.id);
      continue;
    }
    const parentId = parent && parent !== "ambiguous" ? parent.id : null;
    if (parentId === e.unit.id) {
      problems.push({
        line: e.line,
        field: "parentName",
        key: "master.reason.parentCycle",
        vars: { name: e.unit.name },
      });
      continue;
    }
    e.unit.parentId = parentId;
    e.unit.active = true;
    listed.add(e.unit.id);
  }
  // A parent chain that loops (A under B, B under A) is refused for the units in it.
  for (const e of entries) {
    if (!listed.has(e.unit.id)) continue;
    const chain = new Set<string>();
    for (let u: UnitState | undefined = e.unit; u; u = u.parentId ? index.byId.get(u.parentId) : undefined) {
      if (chain.has(u.id)) {
        problems.push({
          line: e.line,
          field: "parentName",
          key: "master.reason.parentCycle",
          vars: { name: e.unit.name },
        });
        listed.delete(e.unit.id);
        e.unit.parentId = original.get(e.unit.id)?.parentId ?? null;
        break;
      }
      chain.add(u.id);
    }
  }
  // A unit's parent that is itself refused would be dangling: keep the unit at its old place (or top level).
  const units: UnitChange[] = [];
  for (const e of entries) {
    if (!listed.has(e.unit.id)) continue;
    const parentOk = !e.unit.parentId || original.has(e.unit.parentId) || listed.has(e.unit.parentId);
    if (!parentOk) e.unit.parentId = original.get(e.unit.id)?.parentId ?? null;
    const before = original.get(e.unit.id) ?? null;
    if (!before) counts.unitsCreated++;
    else if (before.name === e.unit.name && before.parentId === e.unit.parentId && before.active) continue;
    else counts.unitsUpdated++;
    units.push({ ...e.unit, before });
  }
  if (opts.complete && listed.size) {
    // A unit the file names is never "missing" from it, even when its row was refused (a mistyped parent).
    const keep = new Set<string>(entries.map((e) => e.unit.id));
    for (const id of listed)
      for (let u = index.byId.get(id); u && !keep.has(u.id); u = u.parentId ? index.byId.get(u.parentId) : undefined)
        keep.add(u.id);
    for (const u of state.units) {
      if (u.active && !keep.has(u.id)) {
        units.push({ ...u, active: false, before: u });
        counts.unitsDeactivated++;
      }
    }
  }
  counts.problems = problems.length;
  return { kind: "UNITS", counts, problems, units, employees: [] };
}

// ---- employee export ----

const INACTIVE =
  /(pensiun|berhenti|keluar|meninggal|wafat|mutasi keluar|pindah keluar|tidak aktif|non ?aktif|nonaktif|diberhentikan|retired|left|inactive)/i;

function typeOf(raw: string): EmploymentType | null | "bad" {
  if (!raw) return null;
  if (/p3k|pppk|perjanjian kerja/i.test(raw)) return "PPPK";
  if (/\bc?pns\b|pegawai negeri/i.test(raw)) return "PNS";
  return "bad";
}

function genderOf(raw: string): Gender | null | "bad" {
  const t = raw.trim().toLowerCase();
  if (!t) return null;
  if (["l", "lk", "laki-laki", "laki laki", "pria", "m", "male"].includes(t)) return "L";
  if (["p", "pr", "perempuan", "wanita", "w", "f", "female"].includes(t)) return "P";
  return "bad";
}

/** "Dr. " + "Ahmad Fauzi" + "M.Pd." → "Dr. Ahmad Fauzi, M.Pd." (titles in their own columns, as SIASN exports them). */
export function fullName(front: string, name: string, back: string): string {
  const b = back.replace(/^,\s*/, "");
  return `${front ? `${front} ` : ""}${name}${b ? `, ${b}` : ""}`.trim();
}

const sameEmployee = (a: EmployeeState, b: EmployeeState) =>
  a.unitId === b.unitId &&
  a.name === b.name &&
  a.employmentType === b.employmentType &&
  a.gender === b.gender &&
  a.rank === b.rank &&
  a.position === b.position &&
  a.appointedOn === b.appointedOn &&
  a.retiredOn === b.retiredOn &&
  a.active === b.active;

export function planEmployees(state: MasterState, rows: SheetRow[], map: ColumnMap, opts: PlanOptions): Plan {
  const counts = emptyCounts();
  const problems: Problem[] = [];
  const index = new UnitIndex(state.units.map((u) => ({ ...u })));
  const knownUnits = new Set(state.units.map((u) => u.id));
  const newUnits: UnitChange[] = [];
  const byNip = new Map(state.employees.map((e) => [e.nip, e]));
  const seen = new Map<string, number>();
  const col = (r: SheetRow, f: string) => (map[f] === undefined ? "" : text(r.cells[map[f]!]));
  const employees: EmployeeChange[] = [];
  const fileUnits = new Set<string>();
  /** Every NIP the file names, valid row or not: complete mode never takes a refused row's person for gone. */
  const mentioned = new Set<string>();

  const unitFor = (r: SheetRow): UnitState | Problem => {
    const code = col(r, "unitCode").toUpperCase();
    const name = col(r, "unitName");
    const parentName = col(r, "parentUnitName");
    if (code) {
      const u = index.byCode.get(code);
      if (u) return u;
      if (!name) return { line: r.line, field: "unitCode", key: "master.reason.unitCodeUnknown", vars: { code } };
    }
    if (!name) return { line: r.line, field: "unitName", key: "master.reason.unitMissing" };
    const found = index.find(name, parentName || undefined);
    if (found === "ambiguous")
      return { line: r.line, field: "unitName", key: "master.reason.unitAmbiguous", vars: { name } };
    if (found) return found;
    // A unit the region has not listed yet: made from the export, under its parent when named.
    let parentId: string | null = null;
    if (parentName) {
      const p = index.find(parentName);
      if (p === "ambiguous")
        return {
          line: r.line,
          field: "parentUnitName",
          key: "master.reason.unitAmbiguous",
          vars: { name: parentName },
        };
      let parent = p;
      if (!parent) {
        parent = {
          id: randomUUID(),
          code: codeFromName(parentName, index.codes),
          name: parentName,
          parentId: null,
          active: true,
        };
        index.add(parent);
        newUnits.push({ ...parent, before: null });
      }
      parentId = parent.id;
    }
    const u: UnitState = {
      id: randomUUID(),
      code: code || codeFromName(name, index.codes),
      name,
      parentId,
      active: true,
    };
    index.add(u);
    newUnits.push({ ...u, before: null });
    return u;
  };

  for (const r of rows) {
    counts.rows++;
    const bad = (field: string, key: MessageKey, vars?: Problem["vars"]) =>
      problems.push({ line: r.line, field, key, vars });
    const nipCell = nipOfCell(map.nip === undefined ? null : (r.cells[map.nip] ?? null));
    if (!nipCell.ok) {
      bad("nip", nipCell.reason, { value: cellText(map.nip === undefined ? null : (r.cells[map.nip] ?? null)) });
      continue;
    }
    const nip = nipCell.nip;
    mentioned.add(nip);
    const typeRaw = typeOf(col(r, "type"));
    if (typeRaw === "bad") {
      bad("type", "master.reason.type", { value: col(r, "type") });
      continue;
    }
    const pns = checkNip(nip, "PNS");
    const type: EmploymentType = typeRaw ?? "PNS";
    const check = type === "PNS" ? pns : checkNip(nip, "PPPK");
    if (!check.ok) {
      bad(
        "nip",
        typeRaw
          ? `master.reason.${check.problem}`
          : check.problem === "nip.length"
            ? "master.reason.nip.length"
            : "master.reason.nipNotPns",
        { value: nip },
      );
      continue;
    }
    const first = seen.get(nip);
    if (first !== undefined) {
      bad("nip", "master.reason.nipTwice", { line: first });
      continue;
    }
    const name = col(r, "name");
    if (!name) {
      bad("name", "master.reason.name");
      continue;
    }
    let gender = genderOf(col(r, "gender"));
    if (gender === "bad") {
      bad("gender", "master.reason.gender", { value: col(r, "gender") });
      continue;
    }
    if (!gender) gender = pns.ok && pns.parsed ? pns.parsed.sex : nip[14] === "1" ? "L" : nip[14] === "2" ? "P" : null;
    if (!gender) {
      bad("gender", "master.reason.genderMissing");
      continue;
    }
    const appointedRaw = map.appointedOn === undefined ? null : (r.cells[map.appointedOn] ?? null);
    let appointedOn = dateOfCell(appointedRaw);
    if (appointedRaw !== null && cellText(appointedRaw) !== "" && !appointedOn) {
      bad("appointedOn", "master.reason.date", { value: cellText(appointedRaw) });
      continue;
    }
    // The PNS NIP holds the CPNS appointment month (Perka BKN 22/2007); a PPPK number does not.
    if (!appointedOn && pns.ok && pns.parsed && type === "PNS") appointedOn = `${pns.parsed.tmt}-01`;
    if (!appointedOn) {
      bad("appointedOn", "master.reason.appointedMissing");
      continue;
    }
    const leftRaw = map.leftOn === undefined ? null : (r.cells[map.leftOn] ?? null);
    let leftOn = dateOfCell(leftRaw);
    if (leftRaw !== null && cellText(leftRaw) !== "" && !leftOn) {
      bad("leftOn", "master.reason.date", { value: cellText(leftRaw) });
      continue;
    }
    const status = col(r, "status");
    const gone = INACTIVE.test(status);
    if (gone && !leftOn) leftOn = opts.asOf;
    if (leftOn && leftOn <= appointedOn) {
      bad("leftOn", "master.reason.leftBeforeAppointed", { left: leftOn, appointed: appointedOn });
      continue;
    }
    const unit = unitFor(r);
    if ("key" in unit) {
      problems.push(unit);
      continue;
    }
    seen.set(nip, r.line);
    fileUnits.add(unit.id);
    const before = byNip.get(nip) ?? null;
    if (before && before.unitId && !knownUnits.has(before.unitId)) {
      bad("nip", "master.reason.otherRegion");
      continue;
    }
    const after: EmployeeState = {
      id: before?.id ?? randomUUID(),
      nip,
      unitId: unit.id,
      name: fullName(col(r, "frontTitle"), name, col(r, "backTitle")),
      employmentType: type,
      gender,
      rank: col(r, "rank") || before?.rank || "",
      position: col(r, "position") || before?.position || "",
      appointedOn,
      retiredOn: leftOn,
      // Active until the day they leave: a retirement date later than the export is not yet a leaving.
      active: !(leftOn && leftOn <= opts.asOf),
    };
    if (!before) {
      counts.employeesCreated++;
      if (!after.active) counts.employeesDeactivated++;
      employees.push({ before, after, moved: false });
      continue;
    }
    if (sameEmployee(before, after)) {
      counts.employeesUnchanged++;
      continue;
    }
    const moved = before.unitId !== after.unitId;
    if (moved) counts.employeesMoved++;
    if (before.active && !after.active) counts.employeesDeactivated++;
    else if (!before.active && after.active) counts.employeesReactivated++;
    else if (!moved) counts.employeesUpdated++;
    employees.push({ before, after, moved });
  }

  if (opts.complete && fileUnits.size) {
    // Active employees of the units this export covers who are not in it have left, as of the export's day.
    for (const e of state.employees) {
      if (!e.active || mentioned.has(e.nip) || !fileUnits.has(e.unitId)) continue;
      const retiredOn = e.retiredOn && e.retiredOn <= opts.asOf ? e.retiredOn : opts.asOf;
      if (retiredOn <= e.appointedOn) continue;
      employees.push({ before: e, after: { ...e, active: false, retiredOn }, moved: false });
      counts.employeesDeactivated++;
    }
  }
  counts.unitsCreated = newUnits.length;
  counts.problems = problems.length;
  return { kind: "EMPLOYEES", counts, problems, units: newUnits, employees };
}

export function plan(kind: MasterKind, state: MasterState, rows: SheetRow[], map: ColumnMap, opts: PlanOptions): Plan {
  return kind === "UNITS" ? planUnits(state, rows, map, opts) : planEmployees(state, rows, map, opts);
}
