"use client";
// Attendance and e-Kinerja pages: rates over time, by weekday and lateness band, units ranked, and the
// e-Kinerja split into on time / late / missing with the share of employees who filled everything on time.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "@/i18n/client";
import { formatDate, formatNumber, formatPercent } from "@/i18n/format";
import { useTRPC } from "@/trpc/react";
import { ChartCard, NoData, QueryStatus, TableCard } from "./ChartCard";
import { BLUE, ORANGE, VERMILLION } from "./colors";
import { csvOf, downloadCsv } from "./csv";
import { Filters, filterQuery, type DashboardFilter, type UnitOption } from "./Filters";

interface Props {
  filter: DashboardFilter;
  units: UnitOption[];
  services: { id: string; name: string }[];
  canSeeAll: boolean;
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : formatPercent(v));

/** A unit's own page, keeping the period. */
export function unitLink(filter: DashboardFilter, unitId: string) {
  return `/dashboard/units/${encodeURIComponent(unitId)}${filterQuery(filter, ["unitId", "serviceTypeId"])}`;
}

export function AttendanceView({ filter, units, services, canSeeAll }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.dashboard.attendance.queryOptions(filter), placeholderData: keepPreviousData });
  const data = query.data;
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const date = (iso: string) => formatDate(iso, locale, "UTC");
  const weekday = (n: number) => t(`attendance.weekday.${n}` as Parameters<typeof t>[0]);
  const file = (what: string) => `pantau-kehadiran-${what}.csv`;
  return (
    <>
      <Filters filter={filter} units={units} services={services} canSeeAll={canSeeAll} noService />
      <QueryStatus fetching={query.isFetching} error={query.isError} ready={!!data} />
      {data && data.byUnit.length === 0 && <NoData />}
      {data && data.byUnit.length > 0 && (
        <div className="chart-grid" aria-busy={query.isFetching}>
          <ChartCard
            id="att-rates"
            title={t(data.bucket === "week" ? "attendance.ratesWeekly" : "attendance.ratesMonthly")}
            csv={() =>
            downloadCsv(
              file("tren"),
              csvOf([
                [t("services.axis.start"), t("kpi.attendanceRate"), t("kpi.latenessRate"), t("kpi.absenceTkRate"), t("attendance.col.due")],
                ...data.overTime.map((o) => [o.start, o.attendanceRate, o.latenessRate, o.absenceTkRate, o.due]),
              ]),
            )
            }
            table={[[t("services.axis.start"), t("kpi.attendanceRate"), t("kpi.latenessRate"), t("kpi.absenceTkRate")], ...data.overTime.map((o) => [date(o.start), pct(o.attendanceRate), pct(o.latenessRate), pct(o.absenceTkRate)])]}
          >
            <LineChart data={data.overTime} margin={{ top: 8, right: 12, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="start" tickFormatter={(s: string) => date(s)} />
              <YAxis width={64} domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v, 0)} label={{ value: t("attendance.axis.rate"), angle: -90, position: "left", offset: -4 }} />
              <Tooltip formatter={(v, name) => [pct(typeof v === "number" ? v : null), String(name)]} labelFormatter={(s) => date(String(s))} />
              <Legend />
              <Line name={t("kpi.attendanceRate")} type="monotone" dataKey="attendanceRate" stroke={BLUE} strokeWidth={2} isAnimationActive={false} />
              <Line name={t("kpi.latenessRate")} type="monotone" dataKey="latenessRate" stroke={ORANGE} strokeWidth={2} strokeDasharray="6 3" isAnimationActive={false} />
              <Line name={t("kpi.absenceTkRate")} type="monotone" dataKey="absenceTkRate" stroke={VERMILLION} strokeWidth={2} strokeDasharray="2 2" isAnimationActive={false} />
            </LineChart>
          </ChartCard>

          <ChartCard
            id="att-weekday"
            title={t("attendance.byWeekday")}
            csv={() => downloadCsv(file("hari"), csvOf([[t("attendance.col.weekday"), t("kpi.latenessRate"), t("kpi.absenceTkRate")], ...data.byWeekday.map((w) => [weekday(w.weekday), w.latenessRate, w.absenceTkRate])]))}
            table={[[t("attendance.col.weekday"), t("kpi.latenessRate"), t("kpi.absenceTkRate")], ...data.byWeekday.map((w) => [weekday(w.weekday), pct(w.latenessRate), pct(w.absenceTkRate)])]}
          >
            <BarChart data={data.byWeekday.map((w) => ({ ...w, name: weekday(w.weekday) }))} margin={{ top: 8, right: 12, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" />
              <YAxis width={64} tickFormatter={(v: number) => formatPercent(v, 0)} label={{ value: t("attendance.axis.rate"), angle: -90, position: "left", offset: -4 }} />
              <Tooltip formatter={(v, name) => [pct(typeof v === "number" ? v : null), String(name)]} />
              <Legend />
              <Bar name={t("kpi.latenessRate")} dataKey="latenessRate" fill={ORANGE} isAnimationActive={false} />
              <Bar name={t("kpi.absenceTkRate")} dataKey="absenceTkRate" fill={VERMILLION} isAnimationActive={false} />
            </BarChart>
          </ChartCard>

          <ChartCard
            id="att-bands"
            title={t("attendance.lateBands")}
            description={t("attendance.lateBands.desc", { minutes: formatNumber(data.lateMinutes) })}
            csv={() => downloadCsv(file("terlambat"), csvOf([[t("attendance.col.band"), t("attendance.col.days")], ...data.lateBands.map((b) => [t(`attendance.band.${b.band}`), b.days])]))}
            table={[[t("attendance.col.band"), t("attendance.col.days")], ...data.lateBands.map((b) => [t(`attendance.band.${b.band}`), formatNumber(b.days)])]}
          >
            <BarChart data={data.lateBands.map((b) => ({ ...b, name: t(`attendance.band.${b.band}`) }))} margin={{ top: 8, right: 12, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} />
              <YAxis width={64} allowDecimals={false} tickFormatter={(v: number) => formatNumber(v)} label={{ value: t("attendance.col.days"), angle: -90, position: "left", offset: -4 }} />
              <Tooltip formatter={(v) => [formatNumber(Number(v)), t("attendance.col.days")]} />
              <Bar dataKey="days" fill={ORANGE} isAnimationActive={false} />
            </BarChart>
          </ChartCard>

          <TableCard
            id="att-units"
            title={t("attendance.byUnit")}
            csv={() =>
              downloadCsv(
                file("per-unit"),
                csvOf([
                  [t("dashboard.unit"), t("kpi.attendanceRate"), t("kpi.latenessRate"), t("kpi.absenceTkRate"), t("attendance.col.due")],
                  ...data.byUnit.map((u) => [unitName.get(u.unitId) ?? u.unitId, u.attendanceRate, u.latenessRate, u.absenceTkRate, u.due]),
                ]),
              )
            }
          >
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t("dashboard.unit")}</th>
                    <th scope="col">{t("kpi.attendanceRate")}</th>
                    <th scope="col">{t("kpi.latenessRate")}</th>
                    <th scope="col">{t("kpi.absenceTkRate")}</th>
                    <th scope="col">{t("attendance.col.due")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.byUnit.map((u, i) => (
                    <tr key={u.unitId}>
                      <td className="num">{i + 1}</td>
                      <th scope="row">
                        <Link href={unitLink(filter, u.unitId)}>{unitName.get(u.unitId) ?? u.unitId}</Link>
                      </th>
                      <td className="num">{pct(u.attendanceRate)}</td>
                      <td className="num">{pct(u.latenessRate)}</td>
                      <td className="num">{pct(u.absenceTkRate)}</td>
                      <td className="num">{formatNumber(u.due)}</td>
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

export function EkinerjaView({ filter, units, services, canSeeAll }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.dashboard.ekinerja.queryOptions(filter), placeholderData: keepPreviousData });
  const data = query.data;
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const date = (iso: string) => formatDate(iso, locale, "UTC");
  const file = (what: string) => `pantau-ekinerja-${what}.csv`;
  return (
    <>
      <Filters filter={filter} units={units} services={services} canSeeAll={canSeeAll} noService />
      <QueryStatus fetching={query.isFetching} error={query.isError} ready={!!data} />
      {data && data.byUnit.length === 0 && <NoData />}
      {data && data.byUnit.length > 0 && (
        <div className="chart-grid" aria-busy={query.isFetching}>
          <section className="card" aria-labelledby="ek-compliant" data-testid="ek-compliant">
            <h2 id="ek-compliant">{t("ekinerja.compliant")}</h2>
            <p className="tile-value">{pct(data.employees.share)}</p>
            <p className="muted">{t("kpi.of", { part: formatNumber(data.employees.fullyCompliant), whole: formatNumber(data.employees.due) })}</p>
            <p className="muted">{t("ekinerja.compliant.desc")}</p>
            <table className="mini-table">
              <thead>
                <tr>
                  <th scope="col">{t("ekinerja.col.kind")}</th>
                  <th scope="col">{t("kpi.ekinerjaFillRate")}</th>
                </tr>
              </thead>
              <tbody>
                {data.byKind.map((k) => (
                  <tr key={k.kind}>
                    <th scope="row">{t(`ekinerja.kind.${k.kind}`)}</th>
                    <td>{pct(k.fillRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <ChartCard
            id="ek-states"
            title={t(data.bucket === "week" ? "ekinerja.statesWeekly" : "ekinerja.statesMonthly")}
            description={t("ekinerja.states.desc")}
            csv={() =>
            downloadCsv(
              file("tren"),
              csvOf([
                [t("services.axis.start"), t("ekinerja.state.onTime"), t("ekinerja.state.late"), t("ekinerja.state.missing"), t("kpi.ekinerjaFillRate")],
                ...data.overTime.map((o) => [o.start, o.onTime, o.late, o.missing, o.fillRate]),
              ]),
            )
            }
            table={[[t("services.axis.start"), t("ekinerja.state.onTime"), t("ekinerja.state.late"), t("ekinerja.state.missing"), t("kpi.ekinerjaFillRate")], ...data.overTime.map((o) => [date(o.start), formatNumber(o.onTime), formatNumber(o.late), formatNumber(o.missing), pct(o.fillRate)])]}
          >
            <BarChart data={data.overTime} margin={{ top: 8, right: 12, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="start" tickFormatter={(s: string) => date(s)} />
              <YAxis width={64} tickFormatter={(v: number) => formatNumber(v)} label={{ value: t("ekinerja.axis.entries"), angle: -90, position: "left", offset: -4 }} />
              <Tooltip formatter={(v, name) => [formatNumber(Number(v)), String(name)]} labelFormatter={(s) => date(String(s))} />
              <Legend />
              <Bar name={t("ekinerja.state.onTime")} dataKey="onTime" stackId="s" fill={BLUE} isAnimationActive={false} />
              <Bar name={t("ekinerja.state.late")} dataKey="late" stackId="s" fill={ORANGE} isAnimationActive={false} />
              <Bar name={t("ekinerja.state.missing")} dataKey="missing" stackId="s" fill={VERMILLION} isAnimationActive={false} />
            </BarChart>
          </ChartCard>

          <TableCard
            id="ek-units"
            title={t("ekinerja.byUnit")}
            csv={() =>
              downloadCsv(
                file("per-unit"),
                csvOf([
                  [t("dashboard.unit"), t("kpi.ekinerjaFillRate"), t("ekinerja.state.onTime"), t("ekinerja.state.late"), t("ekinerja.state.missing"), t("ekinerja.col.due")],
                  ...data.byUnit.map((u) => [unitName.get(u.unitId) ?? u.unitId, u.fillRate, u.onTime, u.late, u.missing, u.due]),
                ]),
              )
            }
          >
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t("dashboard.unit")}</th>
                    <th scope="col">{t("kpi.ekinerjaFillRate")}</th>
                    <th scope="col">{t("ekinerja.state.late")}</th>
                    <th scope="col">{t("ekinerja.state.missing")}</th>
                    <th scope="col">{t("ekinerja.col.due")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.byUnit.map((u, i) => (
                    <tr key={u.unitId}>
                      <td className="num">{i + 1}</td>
                      <th scope="row">
                        <Link href={unitLink(filter, u.unitId)}>{unitName.get(u.unitId) ?? u.unitId}</Link>
                      </th>
                      <td className="num">{pct(u.fillRate)}</td>
                      <td className="num">{formatNumber(u.late)}</td>
                      <td className="num">{formatNumber(u.missing)}</td>
                      <td className="num">{formatNumber(u.due)}</td>
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
