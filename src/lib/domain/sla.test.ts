import { describe, expect, it } from "vitest";
import { breachedSla, daysPastDeadline, isFinal, overdueFrom, slaDeadline, slaPosition } from "./sla";
import { dayNumber, isoDay, WorkCalendar } from "./working-days";

// Wednesday 4 March 2026 is a holiday in this calendar.
const cal = new WorkCalendar(["2026-03-04"]);
const d = dayNumber;

describe("SLA in working days", () => {
  it("puts the deadline on the n-th working day after submission, past weekends and holidays", () => {
    expect(isoDay(slaDeadline(cal, d("2026-03-02"), 3))).toBe("2026-03-06"); // Tue, (Wed holiday), Thu, Fri
    expect(isoDay(slaDeadline(cal, d("2026-03-06"), 1))).toBe("2026-03-09"); // Friday + 1 = Monday
    expect(isoDay(slaDeadline(cal, d("2026-03-02"), 0))).toBe("2026-03-02");
  });

  it("is overdue from the working day after the deadline: due Friday, not on Saturday or Sunday, 1 day late on Monday", () => {
    const deadline = d("2026-03-06");
    expect(isoDay(overdueFrom(cal, deadline))).toBe("2026-03-09");
    expect(daysPastDeadline(cal, deadline, d("2026-03-06"))).toBe(0);
    expect(daysPastDeadline(cal, deadline, d("2026-03-07"))).toBe(0);
    expect(daysPastDeadline(cal, deadline, d("2026-03-08"))).toBe(0);
    expect(daysPastDeadline(cal, deadline, d("2026-03-09"))).toBe(1);
    expect(daysPastDeadline(cal, deadline, d("2026-03-13"))).toBe(5);
    expect(daysPastDeadline(cal, deadline, d("2026-03-01"))).toBe(0);
  });

  it("gives the same answer as its position and as a finished request's breach", () => {
    const sub = d("2026-03-02");
    for (let day = sub; day <= sub + 20; day++) {
      const p = slaPosition(cal, sub, 3, day);
      expect(p.overdue).toBe(day >= overdueFrom(cal, p.deadline));
      expect(p.overdue).toBe(breachedSla(p.used, 3));
      expect(p.daysPast).toBe(Math.max(0, p.used - 3));
      expect(p.left).toBe(Math.max(0, 3 - p.used));
    }
  });

  it("knows the final statuses", () => {
    expect(isFinal("COMPLETED")).toBe(true);
    expect(isFinal("REJECTED")).toBe(true);
    expect(isFinal("SUBMITTED")).toBe(false);
  });
});
