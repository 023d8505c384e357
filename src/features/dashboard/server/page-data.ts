// What every dashboard page needs before it renders: the signed-in leader, the filter from the URL
// (checked with the procedures' own schema; a bad one falls back to the default period and says why), the
// units in the caller's scope as a tree, and the service catalog.
import "server-only";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { serverCaller } from "@/trpc/server";
import { FILTER_PARAM as P, periodFromUrl, type DashboardFilter, type UnitOption } from "../filter";
import { DEFAULT_PERIOD, periodInput } from "../period";

export type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export function filterOf(search: Search): { filter: DashboardFilter; problem: string | null } {
  const raw = { period: periodFromUrl(one(search[P.period])), from: one(search[P.from]), to: one(search[P.to]) };
  const ids = {
    unitId: one(search[P.unitId])?.slice(0, 64),
    serviceTypeId: one(search[P.serviceTypeId])?.slice(0, 64),
  };
  const parsed = periodInput.safeParse(raw);
  if (parsed.success) {
    const { period, from, to } = parsed.data;
    return { filter: { period, ...(period === "custom" ? { from, to } : {}), ...ids }, problem: null };
  }
  return { filter: { period: DEFAULT_PERIOD, ...ids }, problem: parsed.error.issues[0]?.message ?? "validation.date" };
}

export async function dashboardPageData(path: "/dasbor", searchParams: Promise<Search>, fixedUnitId?: string) {
  const session = await requireRole(rolesFor("/dasbor"), path);
  const [{ t, locale }, api, search] = await Promise.all([getTranslator(), serverCaller(), searchParams]);
  const { filter, problem } = filterOf(search);
  if (fixedUnitId) filter.unitId = fixedUnitId;
  const [units, services] = await Promise.all([api.units.list(), api.dashboard.serviceTypes()]);
  const isHead = session.user.role === "UNIT_HEAD";
  // A unit head asking for a unit outside their subtree (an old link, an edited URL) sees their own
  // unit, told so plainly, rather than a load failure under a region-wide header.
  const outOfScope = isHead && !!filter.unitId && !units.some((u) => u.id === filter.unitId);
  if (isHead && (!filter.unitId || outOfScope)) filter.unitId = session.user.unitId ?? undefined;

  // Units as a tree, parents before their children.
  const inScope = new Set(units.map((u) => u.id));
  const children = new Map<string | null, typeof units>();
  for (const u of units) {
    const parent = u.parentId && inScope.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const tree: UnitOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      tree.push({ id: u.id, code: u.code, name: u.name, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return {
    session,
    t,
    locale,
    filter,
    problem,
    units: tree,
    services: services.map((s) => ({ id: s.id, name: locale === "en" ? s.nameEn : s.nameId })),
    canSeeAll: !isHead,
    chosen: units.find((u) => u.id === filter.unitId),
    /** The caller's own scope, named when they asked for a unit outside it. */
    outOfScope: outOfScope ? { own: units.find((u) => u.id === session.user.unitId)?.name ?? "" } : null,
  };
}
