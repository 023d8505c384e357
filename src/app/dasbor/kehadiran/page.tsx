import { DashboardShell } from "@/features/dashboard/components/DashboardShell";
import { AttendanceView } from "@/features/dashboard/components/WorkforceViews";
import { dashboardPageData, type Search } from "@/features/dashboard/server/page-data";
import { getQueryClient, trpc } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.attendance");

export default async function AttendancePage({ searchParams }: { searchParams: Promise<Search> }) {
  const d = await dashboardPageData("/dasbor", searchParams);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.dashboard.attendance.queryOptions(d.filter)).catch(() => {});
  return (
    <DashboardShell d={d} title="attendance.title" queryClient={queryClient}>
      <AttendanceView
        key={JSON.stringify(d.filter)}
        filter={d.filter}
        units={d.units}
        services={d.services}
        canSeeAll={d.canSeeAll}
      />
    </DashboardShell>
  );
}
