import { describe, expect, it } from "vitest";
import { INDONESIAN_HOLIDAYS } from "./holidays-id";
import { dayNumber, isoDay, localDay, WorkCalendar, weekday } from "./working-days";
import { checkAnyNip, checkNip, makePnsNip } from "./nip";

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

describe("NIP", () => {
  it("accepts a valid PNS NIP with spaces and reads it", () => {
    const r = checkNip("19850312 201001 1 003");
    expect(r).toEqual({ ok: true, parsed: { birthDate: "1985-03-12", tmt: "2010-01", sex: "M", sequence: 3 } });
    expect(checkNip(makePnsNip("1990-02-28", "2015-03", "F", 12)).ok).toBe(true);
  });

  it.each([
    ["1985031220100110031", "nip.length"],
    ["19850231201001 1 003", "nip.birthDate"],
    ["198503122010131003", "nip.tmtMonth"],
    ["198503121980011003", "nip.tmtBeforeBirth"],
    ["198503122010013003", "nip.sex"],
    ["198503122010011000", "nip.sequence"],
  ])("rejects %s with %s", (nip, problem) => {
    expect(checkNip(nip)).toEqual({ ok: false, problem });
  });

  it("checks a PPPK number on its own layout: birth date, appointment year, agreement digits, sex, sequence", () => {
    // 13 September 1990, appointed 2025, agreement 24 (part-time), female, 014: "24" is no month, and need not be
    expect(checkNip("199009132025242014", "PPPK")).toEqual({ ok: true });
    expect(checkNip("199009132025242014", "PNS")).toEqual({ ok: false, problem: "nip.tmtMonth" });
    expect(checkNip("198503122021211001", "PPPK").ok).toBe(true);
    expect(checkNip("12345", "PPPK")).toEqual({ ok: false, problem: "nip.length" });
    expect(checkNip("199002302025241014", "PPPK")).toEqual({ ok: false, problem: "nip.birthDate" });
    expect(checkNip("199009131990241014", "PPPK")).toEqual({ ok: false, problem: "nip.tmtBeforeBirth" });
    expect(checkNip("199009132025243014", "PPPK")).toEqual({ ok: false, problem: "nip.sex" });
    expect(checkNip("199009132025241000", "PPPK")).toEqual({ ok: false, problem: "nip.sequence" });
  });

  it("checks a NIP of unknown type against either layout", () => {
    expect(checkAnyNip("19850312 201001 1 003").ok).toBe(true);
    expect(checkAnyNip("199009132025242014")).toEqual({ ok: true });
    // month 24 and sex digit 3: no layout fits, and the reason is the sex digit, not the month
    expect(checkAnyNip("199009132025243014")).toEqual({ ok: false, problem: "nip.sex" });
    expect(checkAnyNip("19850231201001 1 003")).toEqual({ ok: false, problem: "nip.birthDate" });
    expect(checkAnyNip("1985")).toEqual({ ok: false, problem: "nip.length" });
  });
});
