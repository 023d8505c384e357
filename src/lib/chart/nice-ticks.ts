// Axis ticks a reader can read: every tick a round number in the unit the axis shows (0, 2, 4 … %,
// never 2.5 % printed as "3 %"), and a domain that fits the data so its variation shows. Recharts'
// own ticks split the domain evenly, so a 0–10 % axis got 0/2.5/5/7.5/10 % labelled 0/3/5/8/10 %.

/** Steps of 1, 2 or 5 × 10^k: each tick printed with the step's own decimals is exact. */
const STEPS = [1, 2, 5, 10];

/** Floating-point noise off (0.1 + 0.2 → 0.3). */
const clean = (x: number) => Number(x.toPrecision(12));

/** The smallest round step that covers `span` in at most `count` intervals. */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.find((s) => s * magnitude >= raw * (1 - 1e-9)) ?? 10;
  return clean(step * magnitude);
}

export interface NiceScale {
  domain: [number, number];
  ticks: number[];
  step: number;
  /** Decimals that print every tick exactly in the unit shown (0 for a step of 2, 1 for 0.2). */
  decimals: number;
}

/** Decimals of a round step: 5 → 0, 0.5 → 1, 0.02 → 2. */
export const decimalsOf = (step: number) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

/**
 * Round ticks covering [min, max] with about `count` intervals; the domain runs from the tick at or
 * below min to the tick at or above max, kept inside [floor, ceil] when given (0 and 100 % for a rate).
 */
export function niceScale(
  min: number,
  max: number,
  opts: { count?: number; floor?: number; ceil?: number } = {},
): NiceScale {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = opts.floor ?? 0;
    hi = opts.ceil ?? 1;
  }
  if (hi === lo) {
    // one value: a little room either side so the line is not on the frame
    const pad = hi === 0 ? 1 : Math.abs(hi) * 0.1;
    lo -= pad;
    hi += pad;
  }
  let step = niceStep(hi - lo, opts.count ?? 5);
  let start = Math.floor(clean(lo / step)) * step;
  let end = Math.ceil(clean(hi / step)) * step;
  if (opts.floor !== undefined && start < opts.floor) start = opts.floor;
  if (opts.ceil !== undefined && end > opts.ceil) end = opts.ceil;
  // clamping can leave a ragged end: first a round step that divides the clamped range (25–100 in steps of 25),
  // else widen the step until both ends are ticks — never past the clamps
  if (clean((end - start) / step) % 1 !== 0) {
    const range = end - start;
    const magnitude = 10 ** Math.floor(Math.log10(range));
    const fits = [magnitude / 10, magnitude / 5, magnitude / 4, magnitude / 2, magnitude, magnitude * 2.5]
      .filter((c) => clean(range / c) % 1 === 0 && range / c >= 2 && range / c <= 10)
      .sort((x, y) => Math.abs(range / x - (opts.count ?? 5)) - Math.abs(range / y - (opts.count ?? 5)));
    if (fits.length) step = fits[0]!;
  }
  while (clean((end - start) / step) % 1 !== 0) {
    step = niceStep(end - start, Math.round((end - start) / step) - 1);
    start = Math.floor(clean(start / step)) * step;
    end = Math.ceil(clean(end / step)) * step;
  }
  const ticks: number[] = [];
  for (let i = 0; clean(start + i * step) <= clean(end); i++) ticks.push(clean(start + i * step));
  return { domain: [clean(start), clean(end)], ticks, step, decimals: decimalsOf(step) };
}

/**
 * A rate's scale (values as fractions 0–1) with ticks round in percent. `fromZero` for bars, whose
 * length must mean the value; otherwise the domain hugs the data and `baseline` says where it starts
 * (for the chart's note that the axis does not start at 0).
 */
export function percentScale(
  values: (number | null | undefined)[],
  opts: { fromZero?: boolean; count?: number } = {},
): NiceScale & { zeroBased: boolean } {
  const shown = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).map((v) => v * 100);
  const lo = shown.length ? Math.min(...shown) : 0;
  const hi = shown.length ? Math.max(...shown) : 100;
  const s = niceScale(opts.fromZero ? 0 : lo, hi, { count: opts.count, floor: 0, ceil: 100 });
  return {
    domain: [clean(s.domain[0] / 100), clean(s.domain[1] / 100)],
    ticks: s.ticks.map((t) => clean(t / 100)),
    step: clean(s.step / 100),
    decimals: s.decimals, // of the percentages shown
    zeroBased: s.domain[0] === 0,
  };
}
