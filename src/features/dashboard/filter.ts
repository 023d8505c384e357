// The dashboards' filter as it travels in URLs (shared by server pages and client views).
import { PERIOD_PRESETS, type PeriodPreset } from "./period";

export interface DashboardFilter {
  period: PeriodPreset;
  from?: string;
  to?: string;
  unitId?: string;
  serviceTypeId?: string;
}

export interface UnitOption {
  id: string;
  code: string;
  name: string;
  depth: number;
}

/** Each filter field's name in a dashboard URL (Indonesian, as every public address: ?periode=…&dari=…). */
export const FILTER_PARAM = {
  period: "periode",
  from: "dari",
  to: "sampai",
  unitId: "unit",
  serviceTypeId: "layanan",
} as const satisfies Record<keyof DashboardFilter, string>;

/** Each period's value in a dashboard URL (?periode=bulan-lalu); the procedures keep their own names. */
export const PERIOD_IN_URL = {
  month: "bulan-ini",
  lastMonth: "bulan-lalu",
  quarter: "triwulan-ini",
  year: "tahun-ini",
  custom: "rentang",
} as const satisfies Record<PeriodPreset, string>;

/** The period a URL value names: the Indonesian value, or the English one links made before December 2026 carry. */
export function periodFromUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const found = PERIOD_PRESETS.find((p) => PERIOD_IN_URL[p] === value);
  return found ?? value;
}

/** The filter as URL parameters (only what differs from the defaults). */
export function filterQuery(filter: DashboardFilter, drop: (keyof DashboardFilter)[] = []): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter) as [keyof DashboardFilter, string | undefined][])
    if (v && !drop.includes(k)) params.set(FILTER_PARAM[k], k === "period" ? PERIOD_IN_URL[v as PeriodPreset] : v);
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}

/** A unit's own dashboard page with the same period (unit and service filters dropped). */
export function unitLink(filter: DashboardFilter, unitId: string) {
  return `/dasbor/unit/${encodeURIComponent(unitId)}${filterQuery(filter, ["unitId", "serviceTypeId"])}`;
}
