import { DashboardShell } from "@/features/dashboard/components/DashboardShell";
import { ServicesView } from "@/features/dashboard/components/ServicesView";
import { dashboardPageData, type Search } from "@/features/dashboard/server/page-data";
import { getQueryClient, trpc } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.services");

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const d = await dashboardPageData("/dasbor", searchParams);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.dashboard.services.queryOptions(d.filter)).catch(() => {});
  return (
    <DashboardShell d={d} title="services.title" queryClient={queryClient}>
      <ServicesView
        key={JSON.stringify(d.filter)}
        filter={d.filter}
        units={d.units}
        services={d.services}
        canSeeAll={d.canSeeAll}
      />
    </DashboardShell>
  );
}
