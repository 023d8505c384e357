import type { Metadata } from "next";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { DashboardTabs } from "@/features/dashboard/components/Filters";
import { Overview } from "@/features/dashboard/components/Overview";
import { dashboardPageData, type Search } from "@/features/dashboard/server/page-data";
import { isMessageKey } from "@/i18n/catalog";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Dasbor" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const d = await dashboardPageData("/dashboard", searchParams);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.dashboard.overview.queryOptions(d.filter)).catch(() => {});
  return (
    <div className="page wide">
      <h1>{d.t("dashboard.title")}</h1>
      <p className="muted">{d.chosen ? d.t("dashboard.scopeUnit", { unit: d.chosen.name }) : d.t("dashboard.scopeRegion")}</p>
      <DashboardTabs filter={d.filter} />
      {d.problem && (
        <p className="alert error" role="alert">
          {isMessageKey(d.problem) ? d.t(d.problem) : d.problem}
        </p>
      )}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Overview key={JSON.stringify(d.filter)} filter={d.filter} units={d.units} services={d.services} canSeeAll={d.canSeeAll} />
      </HydrationBoundary>
    </div>
  );
}
