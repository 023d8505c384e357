import type { Metadata } from "next";
import { DashboardShell } from "@/features/dashboard/components/DashboardShell";
import { SatisfactionView } from "@/features/dashboard/components/SatisfactionView";
import { dashboardPageData, type Search } from "@/features/dashboard/server/page-data";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Kepuasan masyarakat" };

export default async function SatisfactionPage({ searchParams }: { searchParams: Promise<Search> }) {
  const d = await dashboardPageData("/dashboard", searchParams);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.dashboard.satisfaction.queryOptions(d.filter)).catch(() => {});
  return (
    <DashboardShell d={d} title="satisfaction.title" queryClient={queryClient}>
      <SatisfactionView key={JSON.stringify(d.filter)} filter={d.filter} units={d.units} services={d.services} canSeeAll={d.canSeeAll} />
    </DashboardShell>
  );
}
