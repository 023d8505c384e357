// Working days (Perpres 21/2023): Monday–Friday minus the region's national holidays and cuti
// bersama. Service SLAs and processing times are counted in these days.
// Days are handled as "day numbers" (days since 1970-01-01) so counting is plain arithmetic.

const MS_PER_DAY = 86_400_000;

/** WIB: a region's zone until its set-up says otherwise, and the zone dates are shown in without a region. */
export const DEFAULT_TIMEZONE = "Asia/Jakarta";

/** Indonesian time zones have no daylight saving: a fixed offset per zone. */
const ZONE_OFFSET_HOURS: Record<string, number> = {
  "Asia/Jakarta": 7,
  "Asia/Pontianak": 7,
  "Asia/Makassar": 8,
  "Asia/Jayapura": 9,
};

export function zoneOffsetHours(timezone: string): number {
  return ZONE_OFFSET_HOURS[timezone] ?? 7;
}

/** A zone name safe to write into SQL text (ClickHouse's toDate needs a constant): Indonesia's, else Jakarta. */
export function indonesianZone(timezone: string): string {
  return timezone in ZONE_OFFSET_HOURS ? timezone : DEFAULT_TIMEZONE;
}

const dayCache = new Map<string, number>();

/** "2026-11-22" → day number (cached: imports ask for the same few dates on every row). Throws on anything that is not a real calendar date. */
/** A real calendar date written as yyyy-mm-dd (2026-02-31 is not one). */
export function isCalendarDate(v: string): boolean {
  const t = Date.parse(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(v);
}

export function dayNumber(iso: string): number {
  let d = dayCache.get(iso);
  if (d === undefined) {
    d = parseDayNumber(iso);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(iso, d);
  }
  return d;
}

function parseDayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${iso}`);
  }
  return ms / MS_PER_DAY;
}

const isoCache = new Map<number, string>();

/** Day number → "yyyy-mm-dd" (cached: the same few hundred days come back millions of times). */
export function isoDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size > 100_000) isoCache.clear();
    isoCache.set(day, s);
  }
  return s;
}

/** A calendar date as stored (a `@db.Date` column: midnight UTC) → day number, and back. */
export function dayOfDate(date: Date): number {
  return Math.round(date.getTime() / MS_PER_DAY);
}

export function dateOfDay(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The local calendar day of an instant in the region's time zone. */
export function localDay(at: Date, timezone = DEFAULT_TIMEZONE): number {
  return Math.floor((at.getTime() + zoneOffsetHours(timezone) * 3_600_000) / MS_PER_DAY);
}

/** The instant of a local wall-clock time ("07:30") on a local day. */
export function localInstant(day: number, minutesOfDay: number, timezone = DEFAULT_TIMEZONE): Date {
  return new Date(day * MS_PER_DAY + (minutesOfDay - zoneOffsetHours(timezone) * 60) * 60_000);
}

// Cumulative working-day counts are precomputed over this range; outside it, days are counted one by one.
const FIRST = dayNumber("1990-01-01");
const LAST = dayNumber("2100-12-31");

export class WorkCalendar {
  private readonly holidays: Set<number>;
  private cumulative: Int32Array | undefined;

  constructor(holidays: Iterable<string | number> = []) {
    this.holidays = new Set([...holidays].map((d) => (typeof d === "number" ? d : dayNumber(d))));
  }

  isHoliday(day: number): boolean {
    return this.holidays.has(day);
  }

  isWorkingDay(day: number): boolean {
    const w = weekday(day);
    return w !== 0 && w !== 6 && !this.holidays.has(day);
  }

  /** Working days in (from, to]: submitted Friday, done Monday = 1; same day = 0. */
  workingDaysBetween(from: number, to: number): number {
    if (to <= from) return 0;
    if (from >= FIRST && to <= LAST) {
      const c = this.table();
      return c[to - FIRST]! - c[from - FIRST]!;
    }
    let n = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorkingDay(d)) n++;
    return n;
  }

  /** The working day that is n working days after `from` (n ≥ 1). */
  addWorkingDays(from: number, n: number): number {
    let d = from;
    let left = n;
    while (left > 0) {
      d++;
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** All working days in [from, to]. */
  workingDays(from: number, to: number): number[] {
    const out: number[] = [];
    for (let d = from; d <= to; d++) if (this.isWorkingDay(d)) out.push(d);
    return out;
  }

  private table(): Int32Array {
    if (!this.cumulative) {
      const c = new Int32Array(LAST - FIRST + 1);
      let n = 0;
      for (let d = FIRST; d <= LAST; d++) {
        if (this.isWorkingDay(d)) n++;
        c[d - FIRST] = n;
      }
      this.cumulative = c;
    }
    return this.cumulative;
  }
}
