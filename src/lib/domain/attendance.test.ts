import { describe, expect, it } from "vitest";
import { ATTENDANCE_CLASS, ATTENDANCE_STATUSES, attendanceClassArrays, attendanceFlags, lateBand } from "./attendance";

describe("attendance classes", () => {
  it("counts official duty as present, leave, study duty and days off as not due, excused absence as due", () => {
    expect(attendanceFlags("DL")).toEqual({ due: 1, present: 1 });
    expect(attendanceFlags("TL3")).toEqual({ due: 1, present: 1 });
    expect(attendanceFlags("PSW1")).toEqual({ due: 1, present: 1 });
    for (const s of ["CT", "TB", "L"] as const) expect(attendanceFlags(s)).toEqual({ due: 0, present: 0 });
    for (const s of ["TK", "I", "S"] as const) expect(attendanceFlags(s)).toEqual({ due: 1, present: 0 });
  });

  it("never counts a day present that was not due, and classifies every code", () => {
    for (const s of ATTENDANCE_STATUSES) {
      const c = ATTENDANCE_CLASS[s];
      expect(c, s).toBeDefined();
      if (c.present) expect(c.due, s).toBe(true);
    }
    const a = attendanceClassArrays();
    expect(a.codes.length).toBe(a.due.length);
    expect(a.codes.map((c, i) => [c, a.due[i], a.present[i]])).toEqual(
      ATTENDANCE_STATUSES.map((s) => [s, attendanceFlags(s).due, attendanceFlags(s).present]),
    );
  });

  it("bands lateness in minutes", () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(lateBand)).toEqual([0, 1, 1, 2, 2, 3, 3, 4]);
  });
});
