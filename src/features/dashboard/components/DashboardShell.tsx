// The frame every dashboard page shares (a server component): title, scope, tabs, the URL filter's
// problem if any, and the hydrated query cache for the client view inside.
import { HydrationBoundary, dehydrate, type QueryClient } from "@tanstack/react-query";
import { isMessageKey, type MessageKey } from "@/i18n/catalog";
import type { dashboardPageData } from "../server/page-data";
import { DashboardTabs } from "./Filters";

export function DashboardShell(props: {
  d: Awaited<ReturnType<typeof dashboardPageData>>;
  title: MessageKey;
  heading?: string;
  queryClient: QueryClient;
  children: React.ReactNode;
}) {
  const { d } = props;
  return (
    <div className="page wide">
      <h1>{props.heading ?? d.t(props.title)}</h1>
      <p className="muted">
        {d.chosen ? d.t("dashboard.scopeUnit", { unit: d.chosen.name }) : d.t("dashboard.scopeRegion")}
      </p>
      <DashboardTabs filter={d.filter} />
      {d.outOfScope && (
        <p className="alert warn" role="alert" data-testid="out-of-scope">
          {d.t("scope.outside", { unit: d.outOfScope.own })}
        </p>
      )}
      {d.problem && (
        <p className="alert error" role="alert">
          {isMessageKey(d.problem) ? d.t(d.problem) : d.problem}
        </p>
      )}
      <HydrationBoundary state={dehydrate(props.queryClient)}>{props.children}</HydrationBoundary>
    </div>
  );
}
