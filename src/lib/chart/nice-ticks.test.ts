import { describe, expect, it } from "vitest";
import { decimalsOf, niceScale, niceStep, percentScale } from "./nice-ticks";

const roundInPercent = (ticks: number[], decimals: number) =>
  ticks.every((t) => Math.abs(t * 100 - Number((t * 100).toFixed(decimals))) < 1e-9);

describe("niceStep", () => {
  it("is 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(10, 4)).toBe(5);
    expect(niceStep(75, 5)).toBe(20);
    expect(niceStep(0.3, 5)).toBe(0.1);
    expect(niceStep(1000, 5)).toBe(200);
    expect(niceStep(0)).toBe(1);
  });
});

describe("decimalsOf", () => {
  it("counts a round step's decimals", () => {
    expect([decimalsOf(5), decimalsOf(20), decimalsOf(0.5), decimalsOf(0.2), decimalsOf(0.02)]).toEqual([
      0, 0, 1, 1, 2,
    ]);
  });
});

describe("niceScale", () => {
  it("lateness by weekday (0–10 %): 0, 2, 4, 6, 8, 10 — never 2.5 shown as 3", () => {
    const s = niceScale(0, 9.6);
    expect(s.ticks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(s.domain).toEqual([0, 10]);
  });

  it("the whole IKM scale (no value yet): 25, 50, 75, 100 — never an axis from 0 below the scale's floor", () => {
    expect(niceScale(25, 100, { floor: 25, ceil: 100 })).toMatchObject({ domain: [25, 100], ticks: [25, 50, 75, 100] });
    expect(niceScale(Number.NaN, Number.NaN, { floor: 25, ceil: 100 }).domain[0]).toBe(25);
  });

  it("IKM 78–86 on the 25–100 scale: round ticks around the data, not 25/45/65/85/100", () => {
    const s = niceScale(78.4, 86.1, { floor: 25, ceil: 100 });
    expect(s.ticks).toEqual([78, 80, 82, 84, 86, 88]);
    expect(s.ticks.every((t) => t % 1 === 0)).toBe(true);
  });

  it("clamped at a ceiling still ends on a tick", () => {
    const s = niceScale(91, 99.5, { ceil: 100 });
    expect(s.domain[1]).toBe(100);
    expect(s.ticks.at(-1)).toBe(100);
    expect(s.ticks[0]).toBe(s.domain[0]);
    const steps = s.ticks.slice(1).map((t, i) => Number((t - s.ticks[i]!).toFixed(9)));
    expect(new Set(steps).size).toBe(1);
  });

  it("one value gets room either side; no data falls back to the floor and ceiling", () => {
    expect(niceScale(5, 5).domain[0]).toBeLessThan(5);
    expect(niceScale(5, 5).domain[1]).toBeGreaterThan(5);
    expect(niceScale(NaN, NaN, { floor: 0, ceil: 100 }).domain).toEqual([0, 100]);
  });

  it("no floating-point noise in the ticks", () => {
    expect(niceScale(0.1, 0.7, { count: 6 }).ticks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });
});

describe("percentScale", () => {
  it("bars from zero with ticks round in percent", () => {
    const s = percentScale([0.021, 0.064, 0.097], { fromZero: true });
    expect(s.ticks).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1]);
    expect(s.zeroBased).toBe(true);
    expect(roundInPercent(s.ticks, 0)).toBe(true);
  });

  it("monthly attendance 91–97 %: the domain hugs the data and says it does not start at 0", () => {
    const s = percentScale([0.912, 0.95, 0.968]);
    expect(s.domain[0]).toBeGreaterThan(0.8);
    expect(s.domain[1]).toBeLessThanOrEqual(1);
    expect(s.zeroBased).toBe(false);
    expect(roundInPercent(s.ticks, 0)).toBe(true);
  });

  it("attendance 97.1–98.3 %: steps under one percent print with the decimals they need", () => {
    const s = percentScale([0.971, 0.983]);
    expect(s.step).toBe(0.005);
    expect(s.decimals).toBe(1);
    const labels = s.ticks.map((t) => (t * 100).toFixed(s.decimals));
    expect(new Set(labels).size).toBe(labels.length); // never "98%, 98%, 98%"
  });

  it("ignores missing values", () => {
    expect(percentScale([null, undefined, 0.5], { fromZero: true }).domain).toEqual([0, 0.5]);
  });
});
