// The dashboards' filter as it travels in URLs (shared by server pages and client views).
import type { PeriodPreset } from "./period";

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

/** The filter as URL parameters (only what differs from the defaults). */
export function filterQuery(filter: DashboardFilter, drop: (keyof DashboardFilter)[] = []): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v && !drop.includes(k as keyof DashboardFilter)) params.set(k, v);
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}

/** A unit's own dashboard page with the same period (unit and service filters dropped). */
export function unitLink(filter: DashboardFilter, unitId: string) {
  return `/dashboard/units/${encodeURIComponent(unitId)}${filterQuery(filter, ["unitId", "serviceTypeId"])}`;
}
