import Link from "next/link";
import { DashboardShell } from "@/features/dashboard/components/DashboardShell";
import { SatisfactionView } from "@/features/dashboard/components/SatisfactionView";
import { filterQuery } from "@/features/dashboard/filter";
import { dashboardPageData, type Search } from "@/features/dashboard/server/page-data";
import { getQueryClient, pageData, trpc } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.satisfaction");

export default async function SatisfactionPage({ searchParams }: { searchParams: Promise<Search> }) {
  const d = await dashboardPageData("/dasbor", searchParams);
  const queryClient = getQueryClient();
  const [periods] = await Promise.all([
    pageData((api) => api.survey.periods()),
    queryClient.prefetchQuery(trpc.dashboard.satisfaction.queryOptions(d.filter)).catch(() => {}),
  ]);
  const keep = { unitId: d.filter.unitId, serviceTypeId: d.filter.serviceTypeId };
  return (
    <DashboardShell d={d} title="satisfaction.title" queryClient={queryClient}>
      {periods.length > 0 && (
        <nav aria-label={d.t("survey.period.title")} className="period-links">
          <span className="muted">{d.t("survey.period.title")}:</span>
          {periods.map((p) => {
            const from = p.startsOn.toISOString().slice(0, 10);
            const to = p.endsOn.toISOString().slice(0, 10);
            const current = d.filter.period === "custom" && d.filter.from === from && d.filter.to === to;
            return (
              <Link
                key={p.id}
                href={`/dasbor/kepuasan${filterQuery({ period: "custom", from, to, ...keep })}`}
                aria-current={current ? "page" : undefined}
              >
                {p.name}
              </Link>
            );
          })}
        </nav>
      )}
      <SatisfactionView
        key={JSON.stringify(d.filter)}
        filter={d.filter}
        units={d.units}
        services={d.services}
        canSeeAll={d.canSeeAll}
      />
    </DashboardShell>
  );
}
