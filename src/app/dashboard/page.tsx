import type { Metadata } from "next";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { Overview, type OverviewFilter, type UnitOption } from "@/features/dashboard/components/Overview";
import { periodInput } from "@/features/dashboard/period";
import { isMessageKey } from "@/i18n/catalog";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { getQueryClient, serverCaller, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Dasbor" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The filter in the URL, checked with the procedure's own schema; a bad one falls back to this month and says why. */
function filterOf(search: Search): { filter: OverviewFilter; problem: string | null } {
  const raw = { period: one(search.period), from: one(search.from), to: one(search.to) };
  const ids = { unitId: one(search.unitId)?.slice(0, 64), serviceTypeId: one(search.serviceTypeId)?.slice(0, 64) };
  const parsed = periodInput.safeParse(raw);
  if (parsed.success) {
    const { period, from, to } = parsed.data;
    return { filter: { period, ...(period === "custom" ? { from, to } : {}), ...ids }, problem: null };
  }
  return { filter: { period: "month", ...ids }, problem: parsed.error.issues[0]?.message ?? "validation.date" };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requireRole(rolesFor("/dashboard"), "/dashboard");
  const [{ t, locale }, api, search] = await Promise.all([getTranslator(), serverCaller(), searchParams]);
  const { filter, problem } = filterOf(search);
  const [units, services] = await Promise.all([api.units.list(), api.dashboard.serviceTypes()]);
  const isHead = session.user.role === "UNIT_HEAD";
  const own = isHead ? units.find((u) => u.id === session.user.unitId) : undefined;
  if (isHead && !filter.unitId && own) filter.unitId = own.id;

  // Units as a tree, parents before their children.
  const children = new Map<string | null, typeof units>();
  const inScope = new Set(units.map((u) => u.id));
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
  const chosen = units.find((u) => u.id === filter.unitId);

  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.dashboard.overview.queryOptions(filter)).catch(() => {});
  return (
    <div className="page wide">
      <h1>{t("dashboard.title")}</h1>
      <p className="muted">{chosen ? t("dashboard.scopeUnit", { unit: chosen.name }) : t("dashboard.scopeRegion")}</p>
      {problem && (
        <p className="alert error" role="alert">
          {isMessageKey(problem) ? t(problem) : problem}
        </p>
      )}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Overview
          key={JSON.stringify(filter)}
          filter={filter}
          units={tree}
          services={services.map((s) => ({ id: s.id, name: locale === "en" ? s.nameEn : s.nameId }))}
          canSeeAll={!isHead}
        />
      </HydrationBoundary>
    </div>
  );
}
