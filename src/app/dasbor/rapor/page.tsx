import { DashboardShell } from "@/features/dashboard/components/DashboardShell";
import { ScorecardView } from "@/features/dashboard/components/ScorecardView";
import { dashboardPageData, type Search } from "@/features/dashboard/server/page-data";
import { getQueryClient, trpc } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.scorecard");

export default async function ScorecardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const d = await dashboardPageData("/dasbor", searchParams);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.dashboard.scorecard.queryOptions(d.filter)).catch(() => {});
  return (
    <DashboardShell d={d} title="scorecard.title" queryClient={queryClient}>
      <ScorecardView
        key={JSON.stringify(d.filter)}
        filter={d.filter}
        units={d.units}
        services={d.services}
        canSeeAll={d.canSeeAll}
      />
    </DashboardShell>
  );
}
