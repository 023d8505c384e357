import { describe, expect, it } from "vitest";
import { INDONESIAN_HOLIDAYS } from "./holidays-id";
import { dayNumber, isoDay, localDay, WorkCalendar, weekday } from "./working-days";

const cal = new WorkCalendar(INDONESIAN_HOLIDAYS.map((h) => h.date));
const d = dayNumber;

describe("working days", () => {
  it("knows weekdays and round-trips dates", () => {
    expect(weekday(d("2026-11-22"))).toBe(0); // Sunday
    expect(weekday(d("2026-11-23"))).toBe(1);
    expect(isoDay(d("2024-02-29"))).toBe("2024-02-29");
    expect(() => d("2025-02-29")).toThrow();
  });

  it("counts Friday → Monday as one working day and the same day as zero", () => {
    expect(cal.workingDaysBetween(d("2026-11-20"), d("2026-11-23"))).toBe(1);
    expect(cal.workingDaysBetween(d("2026-11-23"), d("2026-11-23"))).toBe(0);
    expect(cal.workingDaysBetween(d("2026-11-21"), d("2026-11-23"))).toBe(1); // submitted on Saturday
  });

  it("skips national holidays and cuti bersama (Idul Fitri 2026)", () => {
    // 16 Mar (Mon) → 27 Mar 2026 (Fri): 18 Mar cuti bersama, 19 Nyepi, 20 Idul Fitri, 23–24 cuti bersama.
    expect(cal.workingDaysBetween(d("2026-03-16"), d("2026-03-27"))).toBe(4);
    expect(cal.isWorkingDay(d("2026-03-23"))).toBe(false);
    expect(new WorkCalendar().workingDaysBetween(d("2026-03-16"), d("2026-03-27"))).toBe(9);
  });

  it("adds working days across a long weekend and agrees with the count", () => {
    const due = cal.addWorkingDays(d("2026-12-23"), 2); // 24 cuti bersama, 25 Natal, weekend
    expect(isoDay(due)).toBe("2026-12-29");
    expect(cal.workingDaysBetween(d("2026-12-23"), due)).toBe(2);
    // the precomputed table and the slow path agree far outside the table's range
    expect(cal.workingDaysBetween(d("1989-12-25"), d("1990-01-10"))).toBe(12);
  });

  it("takes the local day in the region's zone", () => {
    const at = new Date("2026-11-22T18:30:00Z"); // 01:30 on 23 Nov in Jakarta, 03:30 in Jayapura
    expect(isoDay(localDay(at, "Asia/Jakarta"))).toBe("2026-11-23");
    expect(isoDay(localDay(new Date("2026-11-22T16:30:00Z"), "Asia/Jakarta"))).toBe("2026-11-22");
    expect(isoDay(localDay(new Date("2026-11-22T15:30:00Z"), "Asia/Jayapura"))).toBe("2026-11-23");
  });
});
