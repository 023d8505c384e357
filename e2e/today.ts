// The day the end-to-end tests live on: the demo server runs with PANTAU_TODAY set to it, so the demo
// history, "this month" and every date the specs type are the same whatever day the tests run.
// E2E_TODAY tries another day (a month's first days, a year's end, a holiday, a weekend).
export const TODAY = process.env.E2E_TODAY ?? "2026-11-18";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The ISO day `days` after TODAY. */
export function daysAfter(days: number): string {
  const d = utc(TODAY);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** yyyy-mm of the month `months` before TODAY's. */
export function monthBefore(months: number): string {
  const d = utc(TODAY);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1))).slice(0, 7);
}
