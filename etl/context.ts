// What the ETL needs to know about a region while it works: its calendar, its employees by NIP and
// its e-Kinerja deadlines. Loaded once per run.
import { entryDeadline } from "@/lib/domain/ekinerja";
import type { Db } from "@/server/db/client";
import { dayOfDate, type WorkCalendar, zoneOffsetHours } from "@/lib/domain/working-days";
import { regionCalendar } from "@/server/calendar";
import { translator, type MessageKey } from "@/i18n/catalog";

export interface EmployeeRef {
  id: string;
  unitId: string;
  /** Small numbers for fast keys while importing. */
  idx: number;
  unitIdx: number;
  /** Day numbers; retiredDay is the first day no longer employed. */
  appointedDay: number;
  retiredDay: number | null;
}

export interface RegionContext {
  id: string;
  code: string;
  timezone: string;
  offsetHours: number;
  ekinerjaDeadlineDay: number;
  dailyLogGraceDays: number;
  calendar: WorkCalendar;
  holidays: number[];
  employees: Map<string, EmployeeRef>;
  /** employee id → idx; unit idx → unit id. */
  employeeIdx: Map<string, number>;
  unitIds: string[];
  /** Column mappings saved for exports whose headers differ from docs/source-files.md. */
  mappings: SourceMapping[];
}

/** A saved mapping of an export's header row (by signature) to the format's fields. */
export interface SourceMapping {
  kind: "ATTENDANCE" | "EKINERJA";
  signature: string;
  columns: Record<string, string>;
}

export class EtlUserError extends Error {
  constructor(
    readonly messageId: string,
    readonly messageEn: string,
  ) {
    super(`${messageId}\n${messageEn}`);
    this.name = "EtlUserError";
  }
}

type Vars = Record<string, string | number>;

export function userError(key: MessageKey, vars: Vars = {}, varsEn: Vars = vars) {
  return new EtlUserError(translator("id")(key, vars), translator("en")(key, varsEn));
}

export function bothLanguages(key: MessageKey, vars: Vars = {}) {
  return { id: translator("id")(key, vars), en: translator("en")(key, vars) };
}

export async function loadRegionContext(db: Db, code: string): Promise<RegionContext> {
  const region = await db.region.findUnique({ where: { code } });
  if (!region) throw userError("etl.error.noRegion", { code });
  const [{ calendar, holidays }, employees, mappings] = await Promise.all([
    regionCalendar(db, region.id),
    db.employee.findMany({
      where: { regionId: region.id },
      select: { id: true, nip: true, unitId: true, appointedOn: true, retiredOn: true },
    }),
    db.importMapping.findMany({ where: { regionId: region.id, kind: { in: ["ATTENDANCE", "EKINERJA"] } } }),
  ]);
  const map = new Map<string, EmployeeRef>();
  const employeeIdx = new Map<string, number>();
  const unitIdx = new Map<string, number>();
  const unitIds: string[] = [];
  for (const e of employees) {
    if (!unitIdx.has(e.unitId)) {
      unitIdx.set(e.unitId, unitIds.length);
      unitIds.push(e.unitId);
    }
    employeeIdx.set(e.id, employeeIdx.size);
    map.set(e.nip, {
      id: e.id,
      unitId: e.unitId,
      idx: employeeIdx.size - 1,
      unitIdx: unitIdx.get(e.unitId)!,
      appointedDay: dayOfDate(e.appointedOn),
      retiredDay: e.retiredOn ? dayOfDate(e.retiredOn) : null,
    });
  }
  return {
    id: region.id,
    code: region.code,
    timezone: region.timezone,
    offsetHours: zoneOffsetHours(region.timezone),
    ekinerjaDeadlineDay: region.ekinerjaDeadlineDay,
    dailyLogGraceDays: region.dailyLogGraceDays,
    calendar,
    holidays,
    employees: map,
    employeeIdx,
    unitIds,
    mappings: mappings.map((m) => ({
      kind: m.kind as SourceMapping["kind"],
      signature: m.signature,
      columns: m.columns as Record<string, string>,
    })),
  };
}

/** e-Kinerja filling deadline (Batas Pengisian) of an entry, as a day number: the domain's rule with the region's settings. */
export function ekinerjaDeadline(
  ctx: Pick<RegionContext, "calendar" | "ekinerjaDeadlineDay" | "dailyLogGraceDays">,
  kind: "monthly" | "daily",
  period: string,
): number {
  return entryDeadline(
    ctx.calendar,
    { monthlyDay: ctx.ekinerjaDeadlineDay, dailyGraceDays: ctx.dailyLogGraceDays },
    kind,
    period,
  );
}
