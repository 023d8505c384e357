"use client";
// The unit scorecard for leaders: each component's value and rank side by side, and the overall rank
// (the mean of the component ranks), so an evaluation can be explained one component at a time. Ranks
// resting on too few cases are not given, ties show as "=1", and the rule is said on the page.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "@/i18n/client";
import { formatNumber, formatPercent } from "@/i18n/format";
import { useTRPC } from "@/trpc/react";
import { COMPONENTS, type Component, type ScorecardRow } from "../server/scorecard";
import { NoData, QueryStatus, TableCard } from "@/components/charts/ChartCard";
import { csvOf, downloadCsv } from "@/lib/csv";
import { Filters, type DashboardFilter, type UnitOption } from "./Filters";
import { unitLink } from "../filter";

export function ScorecardView({
  filter,
  units,
  services,
  canSeeAll,
}: {
  filter: DashboardFilter;
  units: UnitOption[];
  services: { id: string; name: string }[];
  canSeeAll: boolean;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.dashboard.scorecard.queryOptions(filter), placeholderData: keepPreviousData });
  const card = query.data;
  const data = card?.rows;
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const place = (rank: number | null, tied: boolean) => (rank === null ? "" : `${tied ? "=" : ""}${rank}`);
  /** Cases behind a component and the least that are ranked. */
  const cases = (r: ScorecardRow, c: Component) => {
    const m = card!.minimums;
    const [n, min] =
      c === "ikm"
        ? [r.respondents, m.respondents]
        : c === "attendance"
          ? [r.personDays, m.personDays]
          : c === "ekinerja"
            ? [r.dueEntries, m.dueEntries]
            : [r.completed, m.completedRequests];
    return t("scorecard.tooFew.count", { n: formatNumber(n, locale), min: formatNumber(min, locale) });
  };
  const value = (c: Component, v: number | null) =>
    v === null
      ? "—"
      : c === "processing"
        ? t("dashboard.days", { value: formatNumber(v, locale) })
        : c === "ikm"
          ? formatNumber(v, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
          : formatPercent(v, locale);
  return (
    <>
      <Filters filter={filter} units={units} services={services} canSeeAll={canSeeAll} noService />
      <QueryStatus fetching={query.isFetching} error={query.isError} ready={!!data} />
      {data && data.length === 0 && <NoData />}
      {data && data.length > 0 && (
        <div className="chart-grid" aria-busy={query.isFetching}>
          <TableCard
            id="scorecard"
            title={t("scorecard.table")}
            description={`${t("scorecard.how")} ${t("scorecard.rule", {
              requests: formatNumber(card!.minimums.completedRequests, locale),
              respondents: formatNumber(card!.minimums.respondents, locale),
              days: formatNumber(card!.minimums.personDays, locale),
              entries: formatNumber(card!.minimums.dueEntries, locale),
            })}`}
            csv={() =>
              downloadCsv(
                "pantau-rapor-unit.csv",
                csvOf([
                  [
                    t("scorecard.col.rank"),
                    t("dashboard.unit.label"),
                    ...COMPONENTS.flatMap((c) => [
                      t(`scorecard.c.${c}`),
                      `${t("scorecard.col.rank")} ${t(`scorecard.c.${c}`)}`,
                    ]),
                    t("scorecard.col.overall"),
                  ],
                  ...data.map((r) => [
                    place(r.overallRank, r.overallTied),
                    unitName.get(r.unitId) ?? r.unitId,
                    ...COMPONENTS.flatMap((c) => [
                      r.values[c],
                      r.tooFew[c] ? t("scorecard.tooFew.label") : place(r.ranks[c], r.tied[c]),
                    ]),
                    r.overall,
                  ]),
                ]),
              )
            }
          >
            <div className="table-wrap">
              <table className="scorecard">
                <thead>
                  <tr>
                    <th scope="col">{t("scorecard.col.rank")}</th>
                    <th scope="col">{t("dashboard.unit.label")}</th>
                    {COMPONENTS.map((c) => (
                      <th scope="col" key={c}>
                        {t(`scorecard.c.${c}`)}
                      </th>
                    ))}
                    <th scope="col">{t("scorecard.col.overall")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((r) => (
                    <tr key={r.unitId}>
                      <td className="num">{r.overallRank === null ? "—" : place(r.overallRank, r.overallTied)}</td>
                      <th scope="row">
                        <Link href={unitLink(filter, r.unitId)}>{unitName.get(r.unitId) ?? r.unitId}</Link>
                      </th>
                      {COMPONENTS.map((c) => (
                        <td key={c} className="num">
                          {value(c, r.values[c])}
                          {r.ranks[c] !== null && <span className="rank"> #{place(r.ranks[c], r.tied[c])}</span>}
                          {r.tooFew[c] && (
                            <span className="muted small" title={cases(r, c)}>
                              {" "}
                              ({t("scorecard.tooFew.label")}: {cases(r, c)})
                            </span>
                          )}
                          {c === "ikm" && r.grade && <span className="muted small"> {r.grade}</span>}
                        </td>
                      ))}
                      <td className="num">
                        {r.overall === null ? "—" : formatNumber(r.overall, locale, { maximumFractionDigits: 1 })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </TableCard>
        </div>
      )}
    </>
  );
}
