import type { Metadata } from "next";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { DashboardTabs } from "@/features/dashboard/components/Filters";
import { ServicesView } from "@/features/dashboard/components/ServicesView";
import { dashboardPageData, type Search } from "@/features/dashboard/server/page-data";
import { isMessageKey } from "@/i18n/catalog";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Kinerja layanan" };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const d = await dashboardPageData("/dashboard", searchParams);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.dashboard.services.queryOptions(d.filter)).catch(() => {});
  return (
    <div className="page wide">
      <h1>{d.t("services.title")}</h1>
      <p className="muted">{d.chosen ? d.t("dashboard.scopeUnit", { unit: d.chosen.name }) : d.t("dashboard.scopeRegion")}</p>
      <DashboardTabs filter={d.filter} />
      {d.problem && (
        <p className="alert error" role="alert">
          {isMessageKey(d.problem) ? d.t(d.problem) : d.problem}
        </p>
      )}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ServicesView key={JSON.stringify(d.filter)} filter={d.filter} units={d.units} services={d.services} canSeeAll={d.canSeeAll} />
      </HydrationBoundary>
    </div>
  );
}
