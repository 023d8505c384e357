// Reads for the setup pages, the settings and the getting-started checklist (relational store only:
// these are the system of record's own settings, not analytics).
import { INDONESIAN_HOLIDAYS, type HolidaySeed } from "@/lib/domain/holidays-id";
import type { Db } from "@/server/db/client";
import type { DocumentInput } from "../schemas";

export async function regionExists(db: Db): Promise<boolean> {
  return (await db.region.count()) > 0;
}

export const CHECKLIST_STEPS = [
  "region",
  "units",
  "employees",
  "accounts",
  "attendance",
  "ekinerja",
  "surveyPoint",
  "report",
] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

/** Where each step is done. */
export const CHECKLIST_LINKS: Record<ChecklistStep, string> = {
  region: "/admin/pengaturan",
  units: "/data/induk",
  employees: "/data/induk",
  accounts: "/admin/pengguna",
  attendance: "/data",
  ekinerja: "/data",
  surveyPoint: "/admin/survei",
  report: "/admin/laporan",
};

export interface ChecklistItem {
  step: ChecklistStep;
  done: boolean;
  count: number;
  href: string;
}

/** The getting-started steps, each ticked by what the database holds (nothing is ticked by hand). */
export async function checklist(db: Db): Promise<{ items: ChecklistItem[]; open: number }> {
  const [region, units, employees, accounts, attendance, ekinerja, surveyPoint, report] = await Promise.all([
    db.region.count(),
    db.unit.count(),
    db.employee.count(),
    db.user.count({ where: { role: { not: "ADMIN" } } }),
    db.importBatch.count({ where: { kind: "ATTENDANCE" } }),
    db.importBatch.count({ where: { kind: "EKINERJA" } }),
    db.servicePoint.count(),
    db.publicReport.count({ where: { status: "PUBLISHED" } }),
  ]);
  const counts: Record<ChecklistStep, number> = {
    region,
    units,
    employees,
    accounts,
    attendance,
    ekinerja,
    surveyPoint,
    report,
  };
  const items = CHECKLIST_STEPS.map((step) => ({
    step,
    done: counts[step] > 0,
    count: counts[step],
    href: CHECKLIST_LINKS[step],
  }));
  return { items, open: items.filter((i) => !i.done).length };
}

const yearOf = (d: Date) => d.getUTCFullYear();

/** The years the shipped national list covers. */
export function shippedYears(): number[] {
  return [...new Set(INDONESIAN_HOLIDAYS.map((h) => Number(h.date.slice(0, 4))))].sort();
}

export function shippedHolidays(year: number): HolidaySeed[] {
  return INDONESIAN_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
}

/** The region's calendar for one year, by date, and the years it has days in. */
export async function calendarYear(db: Db, regionId: string, year: number) {
  const [holidays, all] = await Promise.all([
    db.holiday.findMany({
      where: { regionId, date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
      orderBy: { date: "asc" },
    }),
    db.holiday.findMany({ where: { regionId }, select: { date: true } }),
  ]);
  const years = [...new Set(all.map((h) => yearOf(h.date)))].sort();
  return {
    holidays: holidays.map((h) => ({ id: h.id, date: h.date.toISOString().slice(0, 10), kind: h.kind, name: h.name })),
    years,
    /** Shipped days of this year the region does not have yet (the "add the national list" button). */
    shippedMissing: shippedHolidays(year).filter(
      (s) => !holidays.some((h) => h.date.toISOString().slice(0, 10) === s.date),
    ).length,
  };
}

export function serviceTypes(db: Db, regionId: string) {
  return db.serviceType.findMany({ where: { regionId }, orderBy: [{ active: "desc" }, { code: "asc" }] });
}

export async function serviceType(db: Db, regionId: string, id: string) {
  const s = await db.serviceType.findFirst({ where: { id, regionId } });
  return s && { ...s, documents: storedDocuments(s.documents) };
}

/** The stored documents list, read defensively (it is JSON). */
export function storedDocuments(value: unknown): DocumentInput[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((d): d is Record<string, unknown> => typeof d === "object" && d !== null)
    .map((d) => ({
      code: String(d.code ?? ""),
      nameId: String(d.nameId ?? ""),
      nameEn: String(d.nameEn ?? ""),
      required: d.required !== false,
    }));
}
