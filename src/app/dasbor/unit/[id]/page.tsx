import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { DashboardShell } from "@/features/dashboard/components/DashboardShell";
import { filterQuery } from "@/features/dashboard/filter";
import { Overview } from "@/features/dashboard/components/Overview";
import { dashboardPageData, type Search } from "@/features/dashboard/server/page-data";
import { getQueryClient, serverCaller, trpc } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.unit");

/** One unit and its sub-units: the overview held to that unit, its place in the tree, and the way down. */
export default async function UnitPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}) {
  const { id } = await params;
  const d = await dashboardPageData("/dasbor", searchParams, id.slice(0, 64));
  const api = await serverCaller();
  // A unit head's out-of-scope id was replaced by their own unit (said on the page).
  const unit = await api.units.get({ unitId: d.filter.unitId ?? id.slice(0, 64) }).catch((err: { code?: string }) => {
    if (err.code === "FORBIDDEN") forbidden();
    if (err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.dashboard.overview.queryOptions(d.filter)).catch(() => {});
  const keep = filterQuery(d.filter, ["unitId"]);
  const parentVisible = unit.parent && d.units.some((u) => u.id === unit.parent!.id);
  return (
    <DashboardShell d={d} title="unit.title" heading={unit.name} queryClient={queryClient}>
      <nav aria-label={d.t("unit.breadcrumb")} className="breadcrumb">
        {d.canSeeAll && <Link href={`/dasbor${keep}`}>{d.t("dashboard.unit.all")}</Link>}
        {parentVisible && (
          <>
            {d.canSeeAll && " › "}
            <Link href={`/dasbor/unit/${unit.parent!.id}${keep}`}>{unit.parent!.name}</Link>
          </>
        )}
        {" › "}
        <span aria-current="page">{unit.name}</span>
      </nav>
      {unit.children.length > 0 && (
        <section aria-labelledby="subunits" className="subunits">
          <h2 id="subunits">{d.t("unit.children")}</h2>
          <ul>
            {unit.children.map((c) => (
              <li key={c.id}>
                <Link href={`/dasbor/unit/${c.id}${keep}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Overview
        key={JSON.stringify(d.filter)}
        filter={d.filter}
        units={d.units}
        services={d.services}
        canSeeAll={d.canSeeAll}
        fixedUnit
      />
    </DashboardShell>
  );
}
