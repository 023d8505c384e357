import { describe, expect, it } from "vitest";
import { bucketPartial, DEFAULT_PERIOD, partialMonthOf, periodInput, resolvePeriod } from "./period";

describe("dashboard periods", () => {
  it("opens on the last complete month, not on a month's first two days", () => {
    const input = periodInput.parse({});
    expect(input.period).toBe(DEFAULT_PERIOD);
    const p = resolvePeriod(input, "2026-12-02");
    expect(p.current).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(p.previous).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(partialMonthOf(p.trend)).toBeNull();
  });

  it("compares a month to date with the same days of the month before, and calls its month partial", () => {
    const p = resolvePeriod(periodInput.parse({ period: "month" }), "2026-12-02");
    expect(p.current).toEqual({ from: "2026-12-01", to: "2026-12-02" });
    expect(p.previous).toEqual({ from: "2026-11-01", to: "2026-11-02" });
    expect(partialMonthOf(p.trend)).toBe("2026-12-01");
    expect(partialMonthOf(resolvePeriod(periodInput.parse({ period: "month" }), "2026-12-31").trend)).toBeNull();
  });

  it("tells a week or month cut by the period's ends", () => {
    const november = { from: "2026-11-01", to: "2026-11-30" }; // a Sunday to a Monday
    expect(bucketPartial("week", "2026-11-01", november)).toBe(true); // its Monday was 26 October
    expect(bucketPartial("week", "2026-11-02", november)).toBe(false);
    expect(bucketPartial("week", "2026-11-30", november)).toBe(true);
    expect(bucketPartial("month", "2026-11-01", november)).toBe(false);
    expect(bucketPartial("month", "2026-12-01", { from: "2026-01-01", to: "2026-12-02" })).toBe(true);
  });
});
