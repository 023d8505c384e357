// Dashboard periods: what "this month", "last month", "this quarter", "this year" or a custom range
// mean on a given day, and the two periods every KPI is compared with (the previous period and the same
// period a year earlier). Days are inclusive ISO dates; a period that is still running ends today and is
// compared with the same number of days of the earlier one. The default is the last complete month: in
// a month's first days "this month" holds a handful of cases, and a change against them reads as news.
import { z } from "zod";
import { dayNumber, isoDay } from "@/lib/domain/working-days";

export const PERIOD_PRESETS = ["month", "lastMonth", "quarter", "year", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
/** The period a dashboard opens with. */
export const DEFAULT_PERIOD: PeriodPreset = "lastMonth";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    try {
      dayNumber(s);
      return true;
    } catch {
      return false;
    }
  }, "validation.date");

/** The filter a dashboard URL carries (`?periode=triwulan-ini` or `?periode=rentang&dari=…&sampai=…`: FILTER_PARAM, PERIOD_IN_URL). */
export const periodInput = z
  .object({
    period: z.enum(PERIOD_PRESETS).default(DEFAULT_PERIOD),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((p) => p.period !== "custom" || (p.from !== undefined && p.to !== undefined && p.from <= p.to), {
    message: "validation.dateRange",
    path: ["to"],
  })
  .refine((p) => p.period !== "custom" || !p.from || !p.to || dayNumber(p.to) - dayNumber(p.from) <= 3 * 366, {
    message: "validation.dateRangeTooLong",
    path: ["to"],
  });
export type PeriodInput = z.input<typeof periodInput>;

export interface Range {
  from: string;
  to: string;
}

export interface ResolvedPeriod {
  preset: PeriodPreset;
  current: Range;
  previous: Range;
  lastYear: Range;
  /** Whole months covering the 12 months up to the current period's end: the tiles' trend lines. */
  trend: Range;
}

const ymd = (iso: string) => iso.split("-").map(Number) as [number, number, number];
const pad = (n: number) => String(n).padStart(2, "0");
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same day `months` months later (negative: earlier), clamped to the month's last day. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = ymd(iso);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return `${ny}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

export const monthStart = (iso: string) => iso.slice(0, 8) + "01";
export const monthEnd = (iso: string) => {
  const [y, m] = ymd(iso);
  return `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;
};
const shift = (r: Range, months: number): Range => ({ from: addMonths(r.from, months), to: addMonths(r.to, months) });

export function resolvePeriod(input: z.output<typeof periodInput>, today: string): ResolvedPeriod {
  const [y, m] = ymd(today);
  let current: Range;
  let step: number; // months between a period and the previous one (0: custom, same length just before)
  switch (input.period) {
    case "month":
      current = { from: monthStart(today), to: today };
      step = 1;
      break;
    case "lastMonth": {
      const start = addMonths(monthStart(today), -1);
      current = { from: start, to: monthEnd(start) };
      step = 1;
      break;
    }
    case "quarter":
      current = { from: `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`, to: today };
      step = 3;
      break;
    case "year":
      current = { from: `${y}-01-01`, to: today };
      step = 12;
      break;
    case "custom":
      current = { from: input.from!, to: input.to! };
      step = 0;
      break;
  }
  let previous: Range;
  if (step > 0) previous = shift(current, -step);
  else {
    const length = dayNumber(current.to) - dayNumber(current.from) + 1;
    previous = { from: isoDay(dayNumber(current.from) - length), to: isoDay(dayNumber(current.from) - 1) };
  }
  // A whole last month compared with the whole month before, not with its first 30 days.
  if (input.period === "lastMonth") previous = { from: previous.from, to: monthEnd(previous.from) };
  const lastYear = shift(current, -12);
  if (input.period === "lastMonth") lastYear.to = monthEnd(lastYear.from);
  const trend = { from: addMonths(monthStart(current.to), -11), to: current.to };
  return { preset: input.period, current, previous, lastYear, trend };
}

/** The months (first days, ISO) of a trend range, oldest first. */
export function monthsOf(r: Range): string[] {
  const out: string[] = [];
  for (let m = monthStart(r.from); m <= r.to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The last day of each month of a range, the range's own end for its last (running) month. */
export function monthEndsOf(r: Range): string[] {
  return monthsOf(r).map((m) => (monthEnd(m) < r.to ? monthEnd(m) : r.to));
}

/** Charts over time: one point per week for periods up to about two months, else per month. */
export function bucketFor(r: Range): "week" | "month" {
  return dayNumber(r.to) - dayNumber(r.from) + 1 <= 62 ? "week" : "month";
}

/**
 * SQL for the first day of a chart bucket holding `column`, never before the period's start
 * ({from:Date}): a week that began before the period is drawn at the period's first day, not outside it.
 */
export function bucketStartSql(bucket: "week" | "month", column: string): string {
  return `toString(greatest(${bucket === "week" ? `toMonday(${column})` : `toStartOfMonth(${column})`}, {from:Date}))`;
}

/** Whether the bucket starting on `start` holds only part of its week or month (cut by the period's ends). */
export function bucketPartial(bucket: "week" | "month", start: string, r: Range): boolean {
  const day = dayNumber(start);
  // 1970-01-01 was a Thursday: Monday is (day + 3) % 7 === 0
  const natural =
    bucket === "week"
      ? { from: day - ((day + 3) % 7), to: day - ((day + 3) % 7) + 6 }
      : { from: dayNumber(monthStart(start)), to: dayNumber(monthEnd(start)) };
  return natural.from < dayNumber(r.from) || natural.to > dayNumber(r.to);
}

/** The trend's last month when the range stops before its end (a month still running): not a drop to draw. */
export function partialMonthOf(r: Range): string | null {
  return monthEnd(r.to) === r.to ? null : monthStart(r.to);
}
