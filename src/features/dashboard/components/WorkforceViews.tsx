"use client";
import type { Locale } from "@/i18n/catalog";
// Attendance and e-Kinerja pages: rates over time, by weekday and lateness band, units ranked, and the
// e-Kinerja split into on time / late / missing with the share of employees who filled everything on time.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "@/i18n/client";
import { formatDate, formatNumber, formatPercent } from "@/i18n/format";
import { percentScale } from "@/lib/chart/nice-ticks";
import { useTRPC } from "@/trpc/react";
import { ChartCard, NoData, partialLabel, QueryStatus, TableCard } from "@/components/charts/ChartCard";
import { BLUE, ORANGE, VERMILLION } from "@/components/charts/colors";
import { csvOf, downloadCsv } from "@/lib/csv";
import { unitLink } from "../filter";
import { Filters, type DashboardFilter, type UnitOption } from "./Filters";

interface Props {
  filter: DashboardFilter;
  units: UnitOption[];
  services: { id: string; name: string }[];
  canSeeAll: boolean;
}

const pct = (v: number | null | undefined, locale: Locale) =>
  v === null || v === undefined ? "—" : formatPercent(v, locale);

interface RankColumn<R> {
  header: string;
  /** The number for the CSV. */
  value: (row: R) => number | null;
  /** The text in the table. */
  text: (row: R) => string;
}

/** Units ranked, best first: position, the unit (to its page), then the given columns; CSV of the same. */
function UnitRanking<R extends { unitId: string }>(props: {
  id: string;
  title: string;
  file: string;
  rows: R[];
  columns: RankColumn<R>[];
  unitName: Map<string, string>;
  filter: DashboardFilter;
}) {
  const { t } = useI18n();
  const name = (id: string) => props.unitName.get(id) ?? id;
  return (
    <TableCard
      id={props.id}
      title={props.title}
      csv={() =>
        downloadCsv(
          props.file,
          csvOf([
            [t("dashboard.unit.label"), ...props.columns.map((c) => c.header)],
            ...props.rows.map((r) => [name(r.unitId), ...props.columns.map((c) => c.value(r))]),
          ]),
        )
      }
    >
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("dashboard.unit.label")}</th>
              {props.columns.map((c) => (
                <th scope="col" key={c.header}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r, i) => (
              <tr key={r.unitId}>
                <td className="num">{i + 1}</td>
                <th scope="row">
                  <Link href={unitLink(props.filter, r.unitId)}>{name(r.unitId)}</Link>
                </th>
                {props.columns.map((c) => (
                  <td className="num" key={c.header}>
                    {c.text(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </TableCard>
  );
}

/** A unit's own page, keeping the period. */
export function AttendanceView({ filter, units, services, canSeeAll }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.dashboard.attendance.queryOptions(filter), placeholderData: keepPreviousData });
  const data = query.data;
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const date = (iso: string) => formatDate(iso, locale, "UTC");
  const partialStarts = new Set(data?.overTime.filter((o) => o.partial).map((o) => o.start));
  const weekday = (n: number) => t(`attendance.weekday.${n}` as Parameters<typeof t>[0]);
  const file = (what: string) => `pantau-kehadiran-${what}.csv`;
  // Attendance sits near 90–100 %, lateness and TK near 0–10 %: one 0–100 % axis drew three flat lines.
  // Attendance gets an axis that hugs it (the chart says where it starts); lateness and TK their own from 0.
  const rateScale = percentScale(data?.overTime.map((o) => o.attendanceRate) ?? []);
  const lateScale = percentScale(data?.overTime.flatMap((o) => [o.latenessRate, o.absenceTkRate]) ?? [], {
    fromZero: true,
  });
  const weekdayScale = percentScale(data?.byWeekday.flatMap((w) => [w.latenessRate, w.absenceTkRate]) ?? [], {
    fromZero: true,
  });
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
            description={
              rateScale.zeroBased
                ? undefined
                : t("chart.notFromZero", { from: formatPercent(rateScale.domain[0], locale, rateScale.decimals) })
            }
            csv={() =>
              downloadCsv(
                file("tren"),
                csvOf([
                  [
                    t("services.axis.start"),
                    t("kpi.attendanceRate"),
                    t("kpi.latenessRate"),
                    t("kpi.absenceTkRate"),
                    t("attendance.col.due"),
                  ],
                  ...data.overTime.map((o) => [o.start, o.attendanceRate, o.latenessRate, o.absenceTkRate, o.due]),
                ]),
              )
            }
            table={[
              [t("services.axis.start"), t("kpi.attendanceRate"), t("kpi.latenessRate"), t("kpi.absenceTkRate")],
              ...data.overTime.map((o) => [
                partialLabel(date(o.start), o.partial),
                pct(o.attendanceRate, locale),
                pct(o.latenessRate, locale),
                pct(o.absenceTkRate, locale),
              ]),
            ]}
            partial={partialStarts.size > 0}
          >
            <LineChart data={data.overTime} margin={{ top: 8, right: 12, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="start" tickFormatter={(s: string) => partialLabel(date(s), partialStarts.has(s))} />
              <YAxis
                width={64}
                domain={rateScale.domain}
                ticks={rateScale.ticks}
                interval={0}
                allowDataOverflow
                tickFormatter={(v: number) => formatPercent(v, locale, rateScale.decimals)}
                label={{ value: t("kpi.attendanceRate"), angle: -90, position: "left", offset: -4 }}
              />
              <Tooltip
                formatter={(v, name) => [pct(typeof v === "number" ? v : null, locale), String(name)]}
                labelFormatter={(s) => date(String(s))}
              />
              <Line
                name={t("kpi.attendanceRate")}
                type="monotone"
                dataKey="attendanceRate"
                stroke={BLUE}
                strokeWidth={2}
                isAnimationActive={false}
              />
            </LineChart>
          </ChartCard>

          <ChartCard
            id="att-late"
            title={t(data.bucket === "week" ? "attendance.lateWeekly" : "attendance.lateMonthly")}
            description={t("chart.fromZero")}
            csv={() =>
              downloadCsv(
                file("terlambat-tk"),
                csvOf([
                  [t("services.axis.start"), t("kpi.latenessRate"), t("kpi.absenceTkRate")],
                  ...data.overTime.map((o) => [o.start, o.latenessRate, o.absenceTkRate]),
                ]),
              )
            }
            table={[
              [t("services.axis.start"), t("kpi.latenessRate"), t("kpi.absenceTkRate")],
              ...data.overTime.map((o) => [date(o.start), pct(o.latenessRate, locale), pct(o.absenceTkRate, locale)]),
            ]}
          >
            <LineChart data={data.overTime} margin={{ top: 8, right: 12, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="start" tickFormatter={(s: string) => partialLabel(date(s), partialStarts.has(s))} />
              <YAxis
                width={64}
                domain={lateScale.domain}
                ticks={lateScale.ticks}
                interval={0}
                tickFormatter={(v: number) => formatPercent(v, locale, lateScale.decimals)}
                label={{ value: t("attendance.axis.rate"), angle: -90, position: "left", offset: -4 }}
              />
              <Tooltip
                formatter={(v, name) => [pct(typeof v === "number" ? v : null, locale), String(name)]}
                labelFormatter={(s) => date(String(s))}
              />
              <Legend />
              <Line
                name={t("kpi.latenessRate")}
                type="monotone"
                dataKey="latenessRate"
                stroke={ORANGE}
                strokeWidth={2}
                strokeDasharray="6 3"
                isAnimationActive={false}
              />
              <Line
                name={t("kpi.absenceTkRate")}
                type="monotone"
                dataKey="absenceTkRate"
                stroke={VERMILLION}
                strokeWidth={2}
                strokeDasharray="2 2"
                isAnimationActive={false}
              />
            </LineChart>
          </ChartCard>

          <ChartCard
            id="att-weekday"
            title={t("attendance.byWeekday")}
            csv={() =>
              downloadCsv(
                file("hari"),
                csvOf([
                  [t("attendance.col.weekday"), t("kpi.latenessRate"), t("kpi.absenceTkRate")],
                  ...data.byWeekday.map((w) => [weekday(w.weekday), w.latenessRate, w.absenceTkRate]),
                ]),
              )
            }
            table={[
              [t("attendance.col.weekday"), t("kpi.latenessRate"), t("kpi.absenceTkRate")],
              ...data.byWeekday.map((w) => [
                weekday(w.weekday),
                pct(w.latenessRate, locale),
                pct(w.absenceTkRate, locale),
              ]),
            ]}
          >
            <BarChart
              data={data.byWeekday.map((w) => ({ ...w, name: weekday(w.weekday) }))}
              margin={{ top: 8, right: 12, bottom: 8, left: 16 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" />
              <YAxis
                width={64}
                domain={weekdayScale.domain}
                ticks={weekdayScale.ticks}
                interval={0}
                tickFormatter={(v: number) => formatPercent(v, locale, weekdayScale.decimals)}
                label={{ value: t("attendance.axis.rate"), angle: -90, position: "left", offset: -4 }}
              />
              <Tooltip formatter={(v, name) => [pct(typeof v === "number" ? v : null, locale), String(name)]} />
              <Legend />
              <Bar name={t("kpi.latenessRate")} dataKey="latenessRate" fill={ORANGE} isAnimationActive={false} />
              <Bar name={t("kpi.absenceTkRate")} dataKey="absenceTkRate" fill={VERMILLION} isAnimationActive={false} />
            </BarChart>
          </ChartCard>

          <ChartCard
            id="att-bands"
            title={t("attendance.lateBands.label")}
            description={t("attendance.lateBands.desc", { minutes: formatNumber(data.lateMinutes, locale) })}
            csv={() =>
              downloadCsv(
                file("terlambat"),
                csvOf([
                  [t("attendance.col.band"), t("attendance.col.days")],
                  ...data.lateBands.map((b) => [t(`attendance.band.${b.band}`), b.days]),
                ]),
              )
            }
            table={[
              [t("attendance.col.band"), t("attendance.col.days")],
              ...data.lateBands.map((b) => [t(`attendance.band.${b.band}`), formatNumber(b.days, locale)]),
            ]}
          >
            <BarChart
              data={data.lateBands.map((b) => ({ ...b, name: t(`attendance.band.${b.band}`) }))}
              margin={{ top: 8, right: 12, bottom: 8, left: 16 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} />
              <YAxis
                width={64}
                allowDecimals={false}
                tickFormatter={(v: number) => formatNumber(v, locale)}
                label={{ value: t("attendance.col.days"), angle: -90, position: "left", offset: -4 }}
              />
              <Tooltip formatter={(v) => [formatNumber(Number(v), locale), t("attendance.col.days")]} />
              <Bar dataKey="days" fill={ORANGE} isAnimationActive={false} />
            </BarChart>
          </ChartCard>

          <UnitRanking
            id="att-units"
            title={t("attendance.byUnit")}
            file={file("per-unit")}
            rows={data.byUnit}
            unitName={unitName}
            filter={filter}
            columns={[
              {
                header: t("kpi.attendanceRate"),
                value: (u) => u.attendanceRate,
                text: (u) => pct(u.attendanceRate, locale),
              },
              { header: t("kpi.latenessRate"), value: (u) => u.latenessRate, text: (u) => pct(u.latenessRate, locale) },
              {
                header: t("kpi.absenceTkRate"),
                value: (u) => u.absenceTkRate,
                text: (u) => pct(u.absenceTkRate, locale),
              },
              { header: t("attendance.col.due"), value: (u) => u.due, text: (u) => formatNumber(u.due, locale) },
            ]}
          />
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
  const partialStarts = new Set(data?.overTime.filter((o) => o.partial).map((o) => o.start));
  const file = (what: string) => `pantau-ekinerja-${what}.csv`;
  return (
    <>
      <Filters filter={filter} units={units} services={services} canSeeAll={canSeeAll} noService />
      <QueryStatus fetching={query.isFetching} error={query.isError} ready={!!data} />
      {data && data.byUnit.length === 0 && <NoData />}
      {data && data.byUnit.length > 0 && (
        <div className="chart-grid" aria-busy={query.isFetching}>
          <section className="card" aria-labelledby="ek-compliant" data-testid="ek-compliant">
            <h2 id="ek-compliant">{t("ekinerja.compliant.label")}</h2>
            <p className="tile-value">{pct(data.employees.share, locale)}</p>
            <p className="muted">
              {t("kpi.of", {
                part: formatNumber(data.employees.fullyCompliant, locale),
                whole: formatNumber(data.employees.due, locale),
              })}
            </p>
            <p className="muted">{t("ekinerja.compliant.desc")}</p>
            {data.notDue.leave + data.notDue.outage + data.notDue.notEmployed > 0 && (
              <p className="muted small">{t("compliance.notDue.note", data.notDue)}</p>
            )}
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
                    <td>{pct(k.fillRate, locale)}</td>
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
                  [
                    t("services.axis.start"),
                    t("ekinerja.state.onTime"),
                    t("ekinerja.state.late"),
                    t("ekinerja.state.missing"),
                    t("kpi.ekinerjaFillRate"),
                  ],
                  ...data.overTime.map((o) => [o.start, o.onTime, o.late, o.missing, o.fillRate]),
                ]),
              )
            }
            table={[
              [
                t("services.axis.start"),
                t("ekinerja.state.onTime"),
                t("ekinerja.state.late"),
                t("ekinerja.state.missing"),
                t("kpi.ekinerjaFillRate"),
              ],
              ...data.overTime.map((o) => [
                partialLabel(date(o.start), o.partial),
                formatNumber(o.onTime, locale),
                formatNumber(o.late, locale),
                formatNumber(o.missing, locale),
                pct(o.fillRate, locale),
              ]),
            ]}
            partial={partialStarts.size > 0}
          >
            <BarChart data={data.overTime} margin={{ top: 8, right: 12, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="start" tickFormatter={(s: string) => partialLabel(date(s), partialStarts.has(s))} />
              <YAxis
                width={64}
                tickFormatter={(v: number) => formatNumber(v, locale)}
                label={{ value: t("ekinerja.axis.entries"), angle: -90, position: "left", offset: -4 }}
              />
              <Tooltip
                formatter={(v, name) => [formatNumber(Number(v), locale), String(name)]}
                labelFormatter={(s) => date(String(s))}
              />
              <Legend />
              <Bar
                name={t("ekinerja.state.onTime")}
                dataKey="onTime"
                stackId="s"
                fill={BLUE}
                isAnimationActive={false}
              />
              <Bar name={t("ekinerja.state.late")} dataKey="late" stackId="s" fill={ORANGE} isAnimationActive={false} />
              <Bar
                name={t("ekinerja.state.missing")}
                dataKey="missing"
                stackId="s"
                fill={VERMILLION}
                isAnimationActive={false}
              />
            </BarChart>
          </ChartCard>

          <UnitRanking
            id="ek-units"
            title={t("ekinerja.byUnit")}
            file={file("per-unit")}
            rows={data.byUnit}
            unitName={unitName}
            filter={filter}
            columns={[
              { header: t("kpi.ekinerjaFillRate"), value: (u) => u.fillRate, text: (u) => pct(u.fillRate, locale) },
              {
                header: t("ekinerja.state.onTime"),
                value: (u) => u.onTime,
                text: (u) => formatNumber(u.onTime, locale),
              },
              { header: t("ekinerja.state.late"), value: (u) => u.late, text: (u) => formatNumber(u.late, locale) },
              {
                header: t("ekinerja.state.missing"),
                value: (u) => u.missing,
                text: (u) => formatNumber(u.missing, locale),
              },
              { header: t("ekinerja.col.due"), value: (u) => u.due, text: (u) => formatNumber(u.due, locale) },
            ]}
          />
        </div>
      )}
    </>
  );
}
