// A region's working-day calendar and time zone, loaded one way for everyone: the request pages and the
// leave check, compliance, reports, the dashboards and the ETL. The relational store is the truth (HR
// edits it in Pengaturan › Kalender); ClickHouse's dim_holiday is the ETL's copy of it.
import { dayOfDate, DEFAULT_TIMEZONE, isoDay, localDay, WorkCalendar } from "@/lib/domain/working-days";
import { now as clockNow } from "@/server/clock";
import type { Db } from "@/server/db/client";
import { installationRegion } from "@/server/region";

export interface RegionCalendar {
  calendar: WorkCalendar;
  timezone: string;
  /** Holiday and cuti bersama days (day numbers), in no particular order. */
  holidays: number[];
}

function calendarOf(timezone: string | undefined, dates: { date: Date }[]): RegionCalendar {
  const holidays = dates.map((h) => dayOfDate(h.date));
  return { calendar: new WorkCalendar(holidays), timezone: timezone ?? DEFAULT_TIMEZONE, holidays };
}

/** One region's calendar (Monday–Friday and none of its holidays when the region is unknown). */
export async function regionCalendar(db: Pick<Db, "holiday" | "region">, regionId: string): Promise<RegionCalendar> {
  const [region, holidays] = await Promise.all([
    db.region.findUnique({ where: { id: regionId }, select: { timezone: true } }),
    db.holiday.findMany({ where: { regionId }, select: { date: true } }),
  ]);
  return calendarOf(region?.timezone, holidays);
}

export interface Calendars {
  get(regionId: string): RegionCalendar;
}

/** Every region's calendar at once, for work over many regions' rows (the ETL's request facts). */
export async function regionCalendars(db: Pick<Db, "region">): Promise<Calendars> {
  const regions = await db.region.findMany({
    select: { id: true, timezone: true, holidays: { select: { date: true } } },
  });
  const map = new Map(regions.map((r) => [r.id, calendarOf(r.timezone, r.holidays)]));
  return { get: (regionId) => map.get(regionId) ?? calendarOf(undefined, []) };
}

/** The calendar year today in the region's time zone (1 January starts at local midnight, not UTC). */
export async function regionYear(db: Pick<Db, "region">, regionId: string, now = clockNow()): Promise<number> {
  const region = await db.region.findUnique({ where: { id: regionId }, select: { timezone: true } });
  return Number(isoDay(localDay(now, region?.timezone ?? DEFAULT_TIMEZONE)).slice(0, 4));
}

/** The installation's time zone: its region's (one region per installation today), else Jakarta. */
export async function regionTimezone(db: Pick<Db, "region">): Promise<string> {
  const region = await installationRegion(db);
  return region?.timezone ?? DEFAULT_TIMEZONE;
}
