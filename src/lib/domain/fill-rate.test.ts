import { describe, expect, it } from "vitest";
import { currentStreak, fillRate } from "./fill-rate";

describe("fill rate and streaks", () => {
  it("divides on-time entries by due entries and counts the missed run at the end", () => {
    expect(fillRate(9, 12)).toBe(0.75);
    expect(fillRate(0, 0)).toBeNull();
    expect(currentStreak(["on_time", "missing", "late", "missing", "missing"])).toBe(2);
    expect(currentStreak(["missing", "missing", "on_time"])).toBe(0);
    expect(currentStreak([])).toBe(0);
  });
});
