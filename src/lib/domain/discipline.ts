// Discipline for unexcused absence (tanpa keterangan, TK) under PP 94/2021: cumulative TK days in a
// calendar year, and consecutive working days of TK. The thresholds are data (DisciplineThreshold),
// editable when the rules change. PP94_THRESHOLDS is their one source: the start-up step
// (ensureDefaultThresholds) inserts the codes a database lacks and never touches a row that exists, so
// HR's edits stay. (The 2026-11 migration once seeded the first seven; it is history, not a second copy.)
//
// PP 94/2021 applies to PNS. PPPK are under PP 49/2018, whose discipline article was not verified here:
// the watch lists PPPK the same way and leaves the sanction to HR.

export interface Threshold {
  code: string;
  /** Reached at this many TK days (cumulative in the year, or consecutive when `consecutive`). */
  minDays: number;
  consecutive: boolean;
  labelId: string;
  labelEn: string;
}

export const PP94_THRESHOLDS: readonly Threshold[] = [
  // Light (hukuman disiplin ringan), PP 94/2021 Pasal 9: 3 / 4–6 / 7–10 days
  { code: "TEGURAN_LISAN", minDays: 3, consecutive: false, labelId: "Teguran lisan", labelEn: "Oral warning" },
  { code: "TEGURAN_TERTULIS", minDays: 4, consecutive: false, labelId: "Teguran tertulis", labelEn: "Written warning" },
  {
    code: "PERNYATAAN_TIDAK_PUAS",
    minDays: 7,
    consecutive: false,
    labelId: "Pernyataan tidak puas secara tertulis",
    labelEn: "Written statement of dissatisfaction",
  },
  // Moderate (sedang), Pasal 10: allowance cut 25% at 11–13 / 14–16 / 17–20 days
  {
    code: "POTONG_TUKIN_6",
    minDays: 11,
    consecutive: false,
    labelId: "Pemotongan tunjangan kinerja 25% selama 6 bulan",
    labelEn: "Allowance cut 25% for 6 months",
  },
  {
    code: "POTONG_TUKIN_9",
    minDays: 14,
    consecutive: false,
    labelId: "Pemotongan tunjangan kinerja 25% selama 9 bulan",
    labelEn: "Allowance cut 25% for 9 months",
  },
  {
    code: "POTONG_TUKIN_12",
    minDays: 17,
    consecutive: false,
    labelId: "Pemotongan tunjangan kinerja 25% selama 12 bulan",
    labelEn: "Allowance cut 25% for 12 months",
  },
  // Heavy (berat), Pasal 11 ayat (2) huruf d angka 1: 21–24 days
  {
    code: "TURUN_JABATAN_12",
    minDays: 21,
    consecutive: false,
    labelId: "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
    labelEn: "Demotion one level for 12 months",
  },
  // Pasal 11 ayat (2) huruf d angka 2: 25–27 days
  {
    code: "BEBAS_JABATAN_12",
    minDays: 25,
    consecutive: false,
    labelId: "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan",
    labelEn: "Release from the post to an executor post for 12 months",
  },
  // Pasal 11 ayat (2) huruf d angka 3: 28 days or more
  {
    code: "PEMBERHENTIAN_KUMULATIF",
    minDays: 28,
    consecutive: false,
    labelId: "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS (28 hari TK atau lebih)",
    labelEn: "Honourable discharge not at own request (28 or more TK days)",
  },
  // Pasal 11 ayat (2) huruf d: 10 working days in a row; salary stops from the next month without waiting for
  // the decision (Peraturan BKN 6/2022 Pasal 12)
  {
    code: "PEMBERHENTIAN",
    minDays: 10,
    consecutive: true,
    labelId: "Proses pemberhentian (10 hari kerja berturut-turut)",
    labelEn: "Dismissal proceedings (10 consecutive working days)",
  },
];

/** How close to a threshold counts as "about to reach" it (days). */
export const NEAR_DAYS = 1;

// Late arrival and early leave (Peraturan BKN 6/2022, following PP 53/2010 Penjelasan Pasal 3 angka 11):
// their minutes add up over the calendar year and every 7.5 hours count as one day absent without reason,
// toward the same cumulative thresholds. Only whole days count (a partial day is not yet a day: round down).
// They do not make consecutive days: a day with a late arrival is a day at work.
export const MINUTES_PER_TK_DAY = 7.5 * 60;

/** Days absent without reason that late and early minutes make (whole days only). */
export function convertedDays(minutes: number): number {
  return minutes > 0 ? Math.floor(minutes / MINUTES_PER_TK_DAY) : 0;
}

/**
 * The end of the working day, minutes after midnight, by ISO weekday (index 1 Monday … 5 Friday): Perpres
 * 21/2023's 37.5 hours a week as most regions schedule them, 07.30–16.00 Monday to Thursday and 07.30–16.30
 * on Friday. Early-leave minutes are this minus the check-out time.
 */
export const WORK_END_MINUTES: readonly number[] = [0, 16 * 60, 16 * 60, 16 * 60, 16 * 60, 16 * 60 + 30, 0, 0];

/**
 * The least minutes each band TL1–TL4 / PSW1–PSW4 stands for (1–30, 31–60, 61–90, over 90): what a day
 * counts when the export has no time for it (a missing check-in or check-out is the highest band), and the
 * floor under a computed figure so a day never counts less than its status says.
 */
export const BAND_FLOOR_MINUTES: readonly number[] = [0, 1, 31, 61, 91];

export interface DisciplineStanding {
  /** TK days in the year plus the days late and early minutes convert to: what the thresholds compare. */
  total: number;
  tkDays: number;
  /** Late-arrival and early-leave minutes in the year, and the whole days they make. */
  shortMinutes: number;
  convertedDays: number;
  longestRun: number;
  /** The heaviest threshold reached, by cumulative days and by consecutive days. */
  reached: Threshold | null;
  reachedConsecutive: Threshold | null;
  /** The next cumulative threshold and how many days are left to it. */
  next: { threshold: Threshold; daysLeft: number } | null;
}

/**
 * Standing of one employee from their TK working days (day numbers, any order) in the year and their
 * late-arrival and early-leave minutes in the year. `nextWorkingDay(d)` gives the working day after d, so a
 * weekend or holiday between two TK days does not break a run. Days before `yearStart` count only as the
 * start of a run that reaches into the year.
 */
export function disciplineStanding(
  tkDays: readonly number[],
  thresholds: readonly Threshold[],
  nextWorkingDay: (day: number) => number,
  yearStart = Number.NEGATIVE_INFINITY,
  shortMinutes = 0,
): DisciplineStanding {
  const all = [...new Set(tkDays)].sort((a, b) => a - b);
  // days before `yearStart` (late December) only carry a run into the year; the count is the year's
  const days = all.filter((d) => d >= yearStart);
  let longestRun = 0;
  let run = 0;
  for (let i = 0; i < all.length; i++) {
    run = i > 0 && nextWorkingDay(all[i - 1]!) === all[i] ? run + 1 : 1;
    if (all[i]! >= yearStart) longestRun = Math.max(longestRun, run);
  }
  const converted = convertedDays(shortMinutes);
  const total = days.length + converted;
  const cumulative = thresholds.filter((t) => !t.consecutive).sort((a, b) => a.minDays - b.minDays);
  const consecutive = thresholds.filter((t) => t.consecutive).sort((a, b) => a.minDays - b.minDays);
  const reached = cumulative.filter((t) => total >= t.minDays).at(-1) ?? null;
  const reachedConsecutive = consecutive.filter((t) => longestRun >= t.minDays).at(-1) ?? null;
  const upcoming = cumulative.find((t) => total < t.minDays);
  return {
    total,
    tkDays: days.length,
    shortMinutes: Math.max(0, shortMinutes),
    convertedDays: converted,
    longestRun,
    reached,
    reachedConsecutive,
    next: upcoming ? { threshold: upcoming, daysLeft: upcoming.minDays - total } : null,
  };
}
