// The discipline watch: who reached, or is about to reach, a PP 94/2021 threshold for unexcused absence
// (TK) this year, TK days and the days late arrival and early leave convert to (Peraturan BKN 6/2022) together.
// Both come from ClickHouse; thresholds are data; runs are counted on the region's calendar.
import {
  disciplineStanding,
  NEAR_DAYS,
  PP94_THRESHOLDS,
  type DisciplineStanding,
  type Threshold,
} from "@/lib/domain/discipline";
import { dayNumber } from "@/lib/domain/working-days";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import { regionCalendar } from "@/server/calendar";
import { tkDaysByEmployee } from "./queries";

export interface DisciplineRow extends DisciplineStanding {
  employeeId: string;
  nip: string;
  name: string;
  unitName: string;
  /** Late-arrival and early-leave minutes in the year (their sum is the standing's shortMinutes). */
  lateMinutes: number;
  earlyMinutes: number;
}

/**
 * Inserts the default thresholds (PP94_THRESHOLDS) whose code the database lacks; rows that exist stay as HR
 * left them. Runs at every start (setupStores), so a new tier in the code reaches every installation.
 */
export async function ensureDefaultThresholds(db: Db): Promise<string[]> {
  const have = new Set((await db.disciplineThreshold.findMany({ select: { code: true } })).map((t) => t.code));
  const missing = PP94_THRESHOLDS.filter((t) => !have.has(t.code));
  if (missing.length === 0) return [];
  await db.disciplineThreshold.createMany({
    data: missing.map((t) => ({ id: `pp94-${t.code.toLowerCase()}`, ...t })),
    skipDuplicates: true,
  });
  return missing.map((t) => t.code);
}

export async function thresholdsOf(db: Db): Promise<Threshold[]> {
  return db.disciplineThreshold.findMany({ orderBy: [{ consecutive: "asc" }, { minDays: "asc" }] });
}

export async function disciplineWatch(
  db: Db,
  ch: ClickHouse,
  regionId: string,
  year: number,
  unitId: string,
): Promise<DisciplineRow[]> {
  const thresholds = await thresholdsOf(db);
  if (thresholds.length === 0) return [];
  const lowest = Math.min(...thresholds.map((t) => t.minDays));
  const { calendar } = await regionCalendar(db, regionId);
  const next = (d: number) => calendar.addWorkingDays(d, 1);
  const rows = await tkDaysByEmployee(ch, year, unitId, Math.max(1, lowest - NEAR_DAYS));
  const yearStart = dayNumber(`${year}-01-01`);
  return rows
    .map((r) => ({
      employeeId: r.employee_id,
      nip: r.nip,
      name: r.name,
      unitName: r.unit_name,
      lateMinutes: r.late_minutes,
      earlyMinutes: r.early_minutes,
      ...disciplineStanding(r.days.map(dayNumber), thresholds, next, yearStart, r.late_minutes + r.early_minutes),
    }))
    .filter((s) => s.reached || s.reachedConsecutive || (s.next && s.next.daysLeft <= NEAR_DAYS))
    .sort((a, b) => b.total - a.total || b.longestRun - a.longestRun || a.name.localeCompare(b.name));
}
