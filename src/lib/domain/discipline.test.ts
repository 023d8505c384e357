import { describe, expect, it } from "vitest";
import {
  BAND_FLOOR_MINUTES,
  convertedDays,
  disciplineStanding,
  MINUTES_PER_TK_DAY,
  PP94_THRESHOLDS,
  WORK_END_MINUTES,
} from "./discipline";
import { dayNumber, WorkCalendar } from "./working-days";

const cal = new WorkCalendar(["2026-03-18", "2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24"]);
const next = (d: number) => cal.addWorkingDays(d, 1);
const days = (...iso: string[]) => iso.map(dayNumber);

describe("discipline standing (PP 94/2021)", () => {
  it("names the heaviest cumulative threshold reached and the next one", () => {
    expect(disciplineStanding(days("2026-01-05", "2026-02-10"), PP94_THRESHOLDS, next)).toMatchObject({
      total: 2,
      reached: null,
      next: { daysLeft: 1 },
    });
    const three = disciplineStanding(days("2026-01-05", "2026-02-10", "2026-04-01"), PP94_THRESHOLDS, next);
    expect([three.reached?.code, three.next?.threshold.code, three.next?.daysLeft]).toEqual([
      "TEGURAN_LISAN",
      "TEGURAN_TERTULIS",
      1,
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => dayNumber("2026-01-05") + i * 7); // Mondays: never consecutive
    expect(disciplineStanding(eleven, PP94_THRESHOLDS, next)).toMatchObject({
      total: 11,
      longestRun: 1,
      reached: { code: "POTONG_TUKIN_6" },
      reachedConsecutive: null,
    });
  });

  it("reaches the heavy tiers of Pasal 11: demotion at 21, release from the post at 25, discharge at 28", () => {
    const mondays = (n: number) => Array.from({ length: n }, (_, i) => dayNumber("2026-01-05") + i * 7);
    const at = (n: number) => disciplineStanding(mondays(n), PP94_THRESHOLDS, next);
    expect([at(20).reached?.code, at(20).next?.threshold.code, at(20).next?.daysLeft]).toEqual([
      "POTONG_TUKIN_12",
      "TURUN_JABATAN_12",
      1,
    ]);
    expect([21, 24, 25, 27, 28, 30].map((n) => at(n).reached?.code)).toEqual([
      "TURUN_JABATAN_12",
      "TURUN_JABATAN_12",
      "BEBAS_JABATAN_12",
      "BEBAS_JABATAN_12",
      "PEMBERHENTIAN_KUMULATIF",
      "PEMBERHENTIAN_KUMULATIF",
    ]);
    // 30 scattered days: the heaviest standing is discharge, never "allowance cut for 12 months"; nothing is next
    expect(at(30)).toMatchObject({ total: 30, longestRun: 1, reachedConsecutive: null, next: null });
  });

  it("keeps every tier's code unique, the cumulative tiers strictly rising, and both labels filled", () => {
    expect(new Set(PP94_THRESHOLDS.map((t) => t.code)).size).toBe(PP94_THRESHOLDS.length);
    const cumulative = PP94_THRESHOLDS.filter((t) => !t.consecutive).map((t) => t.minDays);
    expect(cumulative).toEqual([...cumulative].sort((a, b) => a - b));
    expect(cumulative).toEqual([3, 4, 7, 11, 14, 17, 21, 25, 28]);
    for (const t of PP94_THRESHOLDS) expect(t.labelId && t.labelEn).toBeTruthy();
  });

  it("counts consecutive working days across weekends and holidays for dismissal proceedings", () => {
    // 12–17 and 25–27 March 2026 with Nyepi, Idul Fitri and cuti bersama (18–24) between: 10 working days in a row
    const run = days(
      "2026-03-12",
      "2026-03-13",
      "2026-03-16",
      "2026-03-17",
      "2026-03-25",
      "2026-03-26",
      "2026-03-27",
      "2026-03-30",
      "2026-03-31",
      "2026-04-01",
    );
    const s = disciplineStanding(run, PP94_THRESHOLDS, next);
    expect([s.longestRun, s.reachedConsecutive?.code, s.reached?.code]).toEqual([
      10,
      "PEMBERHENTIAN",
      "PERNYATAAN_TIDAK_PUAS",
    ]);
    // one day present in the middle breaks the run
    const broken = disciplineStanding(
      run.filter((d) => d !== dayNumber("2026-03-25")),
      PP94_THRESHOLDS,
      next,
    );
    expect([broken.longestRun, broken.reachedConsecutive]).toEqual([5, null]);
    // a run from 22 December into January counts in the new year; December's days do not add to its total
    const across = days(
      "2025-12-22",
      "2025-12-23",
      "2025-12-24",
      "2025-12-29",
      "2025-12-30",
      "2025-12-31",
      "2026-01-02",
      "2026-01-05",
      "2026-01-06",
      "2026-01-07",
    );
    const cal2 = new WorkCalendar(["2025-12-25", "2025-12-26", "2026-01-01"]);
    const s2 = disciplineStanding(across, PP94_THRESHOLDS, (d) => cal2.addWorkingDays(d, 1), dayNumber("2026-01-01"));
    expect([s2.total, s2.longestRun, s2.reachedConsecutive?.code]).toEqual([4, 10, "PEMBERHENTIAN"]);
  });
});

describe("late arrival and early leave (Peraturan BKN 6/2022)", () => {
  it("converts every 7.5 hours to one day absent without reason, whole days only", () => {
    expect(MINUTES_PER_TK_DAY).toBe(450);
    expect([0, -5, 449, 450, 899, 900, 3150].map(convertedDays)).toEqual([0, 0, 0, 1, 1, 2, 7]);
  });

  it("adds converted days to TK days toward the cumulative thresholds, never to a consecutive run", () => {
    const two = days("2026-01-05", "2026-01-06");
    const s = disciplineStanding(two, PP94_THRESHOLDS, next, Number.NEGATIVE_INFINITY, 450 + 200);
    expect(s).toMatchObject({
      tkDays: 2,
      shortMinutes: 650,
      convertedDays: 1,
      total: 3,
      longestRun: 2,
      reached: { code: "TEGURAN_LISAN" },
      next: { daysLeft: 1 },
    });
    // an employee who is never absent but late for 28 × 7.5 hours reaches discharge on the cumulative count
    const late = disciplineStanding([], PP94_THRESHOLDS, next, Number.NEGATIVE_INFINITY, 28 * 450);
    expect([late.tkDays, late.convertedDays, late.reached?.code, late.longestRun, late.reachedConsecutive]).toEqual([
      0,
      28,
      "PEMBERHENTIAN_KUMULATIF",
      0,
      null,
    ]);
  });

  it("schedules 37.5 hours a week (Monday–Thursday until 16.00, Friday until 16.30) and floors each band", () => {
    const hours = [1, 2, 3, 4, 5].reduce((sum, d) => sum + (WORK_END_MINUTES[d]! - (7 * 60 + 30)), 0) / 60;
    expect(hours - 4 * 1 - 1.5).toBe(37.5); // minus the breaks: an hour Monday–Thursday, 1.5 hours on Friday
    expect(BAND_FLOOR_MINUTES).toEqual([0, 1, 31, 61, 91]);
  });
});
