import { DashboardShell } from "@/features/dashboard/components/DashboardShell";
import { Overview } from "@/features/dashboard/components/Overview";
import { dashboardPageData, type Search } from "@/features/dashboard/server/page-data";
import { getQueryClient, trpc } from "@/trpc/server";
import { SetupBanner } from "@/features/setup/components/SetupBanner";
import { leadToRegionSetup } from "@/features/setup/server/page-data";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.dashboard");

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const d = await dashboardPageData("/dasbor", searchParams);
  await leadToRegionSetup(d.session);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.dashboard.overview.queryOptions(d.filter)).catch(() => {});
  return (
    <DashboardShell d={d} title="dashboard.title" queryClient={queryClient}>
      <SetupBanner session={d.session} />
      <Overview
        key={JSON.stringify(d.filter)}
        filter={d.filter}
        units={d.units}
        services={d.services}
        canSeeAll={d.canSeeAll}
      />
    </DashboardShell>
  );
}
