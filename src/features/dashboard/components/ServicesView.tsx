"use client";
// Service performance: how long each service takes and in which unit, how the times spread, how SLA
// compliance moves, where requests wait, and which open requests are closest to (or past) their SLA.
// Every chart has its numbers as a table and as CSV.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { statusRank } from "@/features/requests/workflow";
import { niceScale, percentScale } from "@/lib/chart/nice-ticks";
import { useI18n } from "@/i18n/client";
import { formatDate, formatNumber, formatPercent } from "@/i18n/format";
import { useTRPC } from "@/trpc/react";
import { BLUE, ORANGE } from "@/components/charts/colors";
import type { PerformanceRow } from "../server/services";
import { ChartCard, NoData, partialLabel, QueryStatus, TableCard } from "@/components/charts/ChartCard";
import { csvOf, downloadCsv, type Cell } from "@/lib/csv";
import { Filters, type DashboardFilter, type UnitOption } from "./Filters";
import { unitLink } from "../filter";

export function ServicesView({
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
  const query = useQuery({ ...trpc.dashboard.services.queryOptions(filter), placeholderData: keepPreviousData });
  const data = query.data;
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const days = (v: number | null) => (v === null ? "—" : formatNumber(v, locale, { maximumFractionDigits: 1 }));
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(v, locale));
  const date = (iso: string) => formatDate(iso, locale, "UTC");
  const partialStarts = new Set(data?.overTime.filter((o) => o.partial).map((o) => o.start));
  const stageName = (s: string) => t(`request.status.${s}` as Parameters<typeof t>[0]);

  const perfTable = (rows: PerformanceRow[], name: (id: string) => string, link?: (id: string) => string) => (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("services.col.name")}</th>
            <th scope="col">{t("kpi.completed")}</th>
            <th scope="col">{t("services.col.p50")}</th>
            <th scope="col">{t("services.col.p90")}</th>
            <th scope="col">{t("kpi.slaCompliance")}</th>
            <th scope="col">{t("services.col.returned")}</th>
            <th scope="col">{t("services.col.rejected")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{link ? <Link href={link(r.id)}>{name(r.id)}</Link> : name(r.id)}</th>
              <td className="num">{formatNumber(r.completed, locale)}</td>
              <td className="num">{days(r.p50)}</td>
              <td className="num">{days(r.p90)}</td>
              <td className="num">{pct(r.slaCompliance)}</td>
              <td className="num">{formatNumber(r.returned, locale)}</td>
              <td className="num">{formatNumber(r.rejected, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const perfCsv = (rows: PerformanceRow[], name: (id: string) => string): Cell[][] => [
    [
      t("services.col.name"),
      t("kpi.completed"),
      t("services.col.p50"),
      t("services.col.p90"),
      t("kpi.slaCompliance"),
      t("services.col.returned"),
      t("services.col.rejected"),
    ],
    ...rows.map((r) => [name(r.id), r.completed, r.p50, r.p90, r.slaCompliance, r.returned, r.rejected]),
  ];
  const file = (what: string) => `pantau-layanan-${what}.csv`;
  // where requests wait, in the order a request meets the statuses (the workflow's own table)
  const stages = [...(data?.stages ?? [])]
    .sort((a, b) => statusRank(a.stage) - statusRank(b.stage))
    .map((s) => ({ ...s, name: stageName(s.stage) }));
  const slaScale = percentScale([0, 1]);
  const stageScale = niceScale(0, Math.max(0, ...stages.map((s) => s.meanDays)), { floor: 0 });

  return (
    <>
      <Filters filter={filter} units={units} services={services} canSeeAll={canSeeAll} />
      <QueryStatus fetching={query.isFetching} error={query.isError} ready={!!data} />
      {data && data.byUnit.length === 0 && data.slowestOpen.length === 0 && <NoData />}
      {data && (data.byUnit.length > 0 || data.slowestOpen.length > 0) && (
        <div className="chart-grid" aria-busy={query.isFetching}>
          <ChartCard
            id="histogram"
            title={t("services.histogram.label")}
            description={t("services.histogram.desc", { cap: data.cap })}
            csv={() =>
              downloadCsv(
                file("sebaran"),
                csvOf([
                  [t("services.axis.days"), t("services.axis.requests")],
                  ...data.histogram.map((h) => [h.days, h.requests]),
                ]),
              )
            }
            table={[
              [t("services.axis.days"), t("services.axis.requests")],
              ...data.histogram.map((h) => [
                h.days >= data.cap ? `≥ ${data.cap}` : String(h.days),
                formatNumber(h.requests, locale),
              ]),
            ]}
          >
            <BarChart data={data.histogram} margin={{ top: 8, right: 8, bottom: 24, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="days"
                label={{ value: t("services.axis.days"), position: "insideBottom", offset: -12 }}
                tickFormatter={(d: number) => (d >= data.cap ? `${d}+` : String(d))}
              />
              <YAxis
                allowDecimals={false}
                width={56}
                tickFormatter={(v: number) => formatNumber(v, locale)}
                label={{ value: t("services.axis.requests"), angle: -90, position: "left", offset: -8 }}
              />
              <Tooltip
                formatter={(v) => [formatNumber(Number(v), locale), t("services.axis.requests")]}
                labelFormatter={(d) => t("dashboard.days", { value: String(d) })}
              />
              <Bar dataKey="requests" fill={BLUE} isAnimationActive={false} />
            </BarChart>
          </ChartCard>

          <ChartCard
            id="sla"
            title={t(data.bucket === "week" ? "services.slaWeekly" : "services.slaMonthly")}
            csv={() =>
              downloadCsv(
                file("sla"),
                csvOf([
                  [t("services.axis.start"), t("kpi.completed"), t("services.col.breached"), t("kpi.slaCompliance")],
                  ...data.overTime.map((o) => [o.start, o.completed, o.breached, o.slaCompliance]),
                ]),
              )
            }
            table={[
              [t("services.axis.start"), t("kpi.completed"), t("kpi.slaCompliance")],
              ...data.overTime.map((o) => [
                partialLabel(date(o.start), o.partial),
                formatNumber(o.completed, locale),
                pct(o.slaCompliance),
              ]),
            ]}
            partial={data.overTime.some((o) => o.partial)}
          >
            <LineChart data={data.overTime} margin={{ top: 8, right: 12, bottom: 24, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="start"
                tickFormatter={(s: string) => partialLabel(date(s), partialStarts.has(s))}
                label={{ value: t("services.axis.start"), position: "insideBottom", offset: -12 }}
              />
              <YAxis
                domain={slaScale.domain}
                ticks={slaScale.ticks}
                interval={0}
                width={64}
                tickFormatter={(v: number) => formatPercent(v, locale, 0)}
                label={{ value: t("kpi.slaCompliance"), angle: -90, position: "left", offset: -4 }}
              />
              <Tooltip
                formatter={(v) => [pct(typeof v === "number" ? v : null), t("kpi.slaCompliance")]}
                labelFormatter={(s) => date(String(s))}
              />
              <Line
                type="monotone"
                dataKey="slaCompliance"
                stroke={BLUE}
                strokeWidth={2}
                dot
                isAnimationActive={false}
              />
            </LineChart>
          </ChartCard>

          <ChartCard
            id="stages"
            height={Math.max(200, 44 * stages.length + 48)}
            title={t("services.stages.label")}
            description={t("services.stages.desc")}
            csv={() =>
              downloadCsv(
                file("tahap"),
                csvOf([
                  [t("services.col.stage"), t("services.col.meanDays"), t("services.col.transitions")],
                  ...stages.map((s) => [stageName(s.stage), s.meanDays, s.transitions]),
                ]),
              )
            }
            table={[
              [t("services.col.stage"), t("services.col.meanDays"), t("services.col.transitions")],
              ...stages.map((s) => [stageName(s.stage), days(s.meanDays), formatNumber(s.transitions, locale)]),
            ]}
          >
            <BarChart data={stages} layout="vertical" margin={{ top: 8, right: 40, bottom: 24, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis
                type="number"
                domain={stageScale.domain}
                ticks={stageScale.ticks}
                interval={0}
                tickFormatter={(v: number) => formatNumber(v, locale)}
                label={{ value: t("services.col.meanDays"), position: "insideBottom", offset: -12 }}
              />
              <YAxis type="category" dataKey="name" width={200} interval={0} tick={{ fontSize: 14 }} />
              <Tooltip formatter={(v) => [days(Number(v)), t("services.col.meanDays")]} />
              <Bar dataKey="meanDays" fill={ORANGE} isAnimationActive={false}>
                <LabelList
                  dataKey="meanDays"
                  position="right"
                  formatter={(v) => days(Number(v))}
                  style={{ fontSize: 13 }}
                />
              </Bar>
            </BarChart>
          </ChartCard>

          <TableCard
            id="by-service"
            title={t("services.byService")}
            csv={() =>
              downloadCsv(file("per-layanan"), csvOf(perfCsv(data.byService, (id) => serviceName.get(id) ?? id)))
            }
          >
            {perfTable(data.byService, (id) => serviceName.get(id) ?? id)}
          </TableCard>
          <TableCard
            id="by-unit"
            title={t("services.byUnit")}
            csv={() => downloadCsv(file("per-unit"), csvOf(perfCsv(data.byUnit, (id) => unitName.get(id) ?? id)))}
          >
            {perfTable(
              data.byUnit,
              (id) => unitName.get(id) ?? id,
              (id) => unitLink(filter, id),
            )}
          </TableCard>
          <section className="card wide-card" aria-labelledby="slowest">
            <h2 id="slowest">{t("services.slowest.label")}</h2>
            <p className="muted">{t("services.slowest.desc")}</p>
            {data.slowestOpen.length === 0 ? (
              <p>{t("services.slowest.none")}</p>
            ) : (
              <div className="table-wrap">
                <table className="stack-table" data-testid="slowest-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("services.col.number")}</th>
                      <th scope="col">{t("services.col.name")}</th>
                      <th scope="col">{t("dashboard.unit.label")}</th>
                      <th scope="col">{t("services.col.submitted")}</th>
                      <th scope="col">{t("services.col.due")}</th>
                      <th scope="col">{t("services.col.late")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.slowestOpen.map((r) => (
                      <tr key={r.number} className={r.overdueDays > 0 ? "overdue" : undefined}>
                        <th scope="row" className="code">
                          {r.number}
                        </th>
                        <td>{serviceName.get(r.serviceTypeId) ?? r.serviceTypeId}</td>
                        <td data-label={t("dashboard.unit.label")}>{unitName.get(r.unitId) ?? r.unitId}</td>
                        <td data-label={t("services.col.submitted")}>{date(r.submittedDay)}</td>
                        <td data-label={t("services.col.due")}>{date(r.dueDay)}</td>
                        <td className="num days-late" data-label={t("services.col.late")}>
                          {r.overdueDays > 0 ? formatNumber(r.overdueDays, locale) : "—"}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      )}
    </>
  );
}
