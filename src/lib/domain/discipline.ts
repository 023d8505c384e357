// Discipline for unexcused absence (tanpa keterangan, TK) under PP 94/2021: cumulative TK days in a
// calendar year, and consecutive working days of TK. The thresholds are data (DisciplineThreshold),
// editable when the rules change; these are the defaults the migration seeds.

export interface Threshold {
  code: string;
  /** Reached at this many TK days (cumulative in the year, or consecutive when `consecutive`). */
  minDays: number;
  consecutive: boolean;
  labelId: string;
  labelEn: string;
}

export const PP94_THRESHOLDS: readonly Threshold[] = [
  { code: "TEGURAN_LISAN", minDays: 3, consecutive: false, labelId: "Teguran lisan", labelEn: "Oral warning" },
  { code: "TEGURAN_TERTULIS", minDays: 4, consecutive: false, labelId: "Teguran tertulis", labelEn: "Written warning" },
  { code: "PERNYATAAN_TIDAK_PUAS", minDays: 7, consecutive: false, labelId: "Pernyataan tidak puas secara tertulis", labelEn: "Written statement of dissatisfaction" },
  { code: "POTONG_TUKIN_6", minDays: 11, consecutive: false, labelId: "Pemotongan tunjangan kinerja 25% selama 6 bulan", labelEn: "Allowance cut 25% for 6 months" },
  { code: "POTONG_TUKIN_9", minDays: 14, consecutive: false, labelId: "Pemotongan tunjangan kinerja 25% selama 9 bulan", labelEn: "Allowance cut 25% for 9 months" },
  { code: "POTONG_TUKIN_12", minDays: 17, consecutive: false, labelId: "Pemotongan tunjangan kinerja 25% selama 12 bulan", labelEn: "Allowance cut 25% for 12 months" },
  { code: "PEMBERHENTIAN", minDays: 10, consecutive: true, labelId: "Proses pemberhentian (10 hari kerja berturut-turut)", labelEn: "Dismissal proceedings (10 consecutive working days)" },
];

/** How close to a threshold counts as "about to reach" it (days). */
export const NEAR_DAYS = 1;

export interface DisciplineStanding {
  total: number;
  longestRun: number;
  /** The heaviest threshold reached, by cumulative days and by consecutive days. */
  reached: Threshold | null;
  reachedConsecutive: Threshold | null;
  /** The next cumulative threshold and how many days are left to it. */
  next: { threshold: Threshold; daysLeft: number } | null;
}

/**
 * Standing of one employee from their TK working days (day numbers, any order) in the year.
 * `nextWorkingDay(d)` gives the working day after d, so a weekend or holiday between two TK days
 * does not break a run. Days before `yearStart` count only as the start of a run that reaches into the year.
 */
export function disciplineStanding(tkDays: readonly number[], thresholds: readonly Threshold[], nextWorkingDay: (day: number) => number, yearStart = Number.NEGATIVE_INFINITY): DisciplineStanding {
  const all = [...new Set(tkDays)].sort((a, b) => a - b);
  // days before `yearStart` (late December) only carry a run into the year; the count is the year's
  const days = all.filter((d) => d >= yearStart);
  let longestRun = 0;
  let run = 0;
  for (let i = 0; i < all.length; i++) {
    run = i > 0 && nextWorkingDay(all[i - 1]!) === all[i] ? run + 1 : 1;
    if (all[i]! >= yearStart) longestRun = Math.max(longestRun, run);
  }
  const cumulative = thresholds.filter((t) => !t.consecutive).sort((a, b) => a.minDays - b.minDays);
  const consecutive = thresholds.filter((t) => t.consecutive).sort((a, b) => a.minDays - b.minDays);
  const reached = cumulative.filter((t) => days.length >= t.minDays).at(-1) ?? null;
  const reachedConsecutive = consecutive.filter((t) => longestRun >= t.minDays).at(-1) ?? null;
  const upcoming = cumulative.find((t) => days.length < t.minDays);
  return { total: days.length, longestRun, reached, reachedConsecutive, next: upcoming ? { threshold: upcoming, daysLeft: upcoming.minDays - days.length } : null };
}
