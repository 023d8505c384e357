"use client";
// Public satisfaction (IKM, PermenPAN-RB 14/2017): the period's IKM with grade and respondents, the nine
// element means with the weakest marked, IKM over time, per service and per unit, and who answered.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { niceScale } from "@/lib/chart/nice-ticks";
import { GRADE_FLOOR } from "@/lib/domain/ikm";
import { useI18n } from "@/i18n/client";
import { formatDate, formatNumber } from "@/i18n/format";
import { useTRPC } from "@/trpc/react";
import type { IkmRow } from "../server/satisfaction";
import { ChartCard, NoData, partialLabel, QueryStatus, TableCard } from "@/components/charts/ChartCard";
import { BLUE, VERMILLION } from "@/components/charts/colors";
import { csvOf, downloadCsv } from "@/lib/csv";
import { filterQuery, Filters, type DashboardFilter, type UnitOption } from "./Filters";
import { unitLink } from "../filter";
import { FeedbackList } from "../../survey/components/FeedbackList";

export function SatisfactionView({
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
  const query = useQuery({ ...trpc.dashboard.satisfaction.queryOptions(filter), placeholderData: keepPreviousData });
  const data = query.data;
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const ikmText = (v: number | null) =>
    v === null ? "—" : formatNumber(v, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  /** A group's IKM as it may be read: not at all on too few answers, provisional short of the sample. */
  const rowIkm = (r: IkmRow) =>
    r.standing === "insufficient"
      ? t("ikm.insufficient.label")
      : r.standing === "provisional"
        ? `${ikmText(r.ikm)} (${t("ikm.provisional")})`
        : ikmText(r.ikm);
  const nrr = (v: number | null) =>
    v === null ? "—" : formatNumber(v, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // IKM lives on 25–100 and a period's months sit a few points apart: the axis hugs them, in round
  // steps, with the grade boundaries drawn where they fall inside it.
  const ikmValues = data?.overTime.map((o) => o.ikm).filter((v): v is number => v !== null) ?? [];
  const ikmScale = niceScale(
    ikmValues.length ? Math.min(...ikmValues) : 25,
    ikmValues.length ? Math.max(...ikmValues) : 100,
    { floor: 25, ceil: 100 },
  );
  const grade = (g: IkmRow["grade"]) => (g ? `${g} (${t(`ikm.grade.${g}`)})` : "—");
  const sample = (r: IkmRow) =>
    r.standing === "insufficient"
      ? t("ikm.insufficient.detail", { n: formatNumber(r.respondents, locale), min: formatNumber(r.minimum, locale) })
      : r.sample === null
        ? t("satisfaction.sample.unknown")
        : t(r.sampleReached ? "satisfaction.sample.reached" : "satisfaction.sample.short", {
            n: formatNumber(r.sample, locale),
          });
  const element = (e: string) => t(`satisfaction.element.${e}` as Parameters<typeof t>[0]);
  const date = (iso: string) => formatDate(iso, locale, "UTC");
  const file = (what: string) => `pantau-ikm-${what}.csv`;

  const table = (rows: IkmRow[], name: (id: string) => string, link?: (id: string) => string) => (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("services.col.name")}</th>
            <th scope="col">IKM</th>
            <th scope="col">{t("satisfaction.col.grade")}</th>
            <th scope="col">{t("satisfaction.col.respondents")}</th>
            <th scope="col">{t("satisfaction.col.weakest")}</th>
            <th scope="col">{t("satisfaction.col.sample")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{link ? <Link href={link(r.id)}>{name(r.id)}</Link> : name(r.id)}</th>
              <td className="num">{rowIkm(r)}</td>
              <td>{grade(r.grade)}</td>
              <td className="num">{formatNumber(r.respondents, locale)}</td>
              <td>{r.weakest ? element(r.weakest) : "—"}</td>
              <td>{sample(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const csvRows = (rows: IkmRow[], name: (id: string) => string) =>
    csvOf([
      [
        t("services.col.name"),
        "IKM",
        t("satisfaction.col.grade"),
        t("satisfaction.col.respondents"),
        t("satisfaction.col.weakest"),
        t("satisfaction.col.sample"),
      ],
      ...rows.map((r) => [
        name(r.id),
        r.ikm,
        r.grade,
        r.respondents,
        r.weakest,
        r.standing === "insufficient" ? sample(r) : r.sample,
      ]),
    ]);

  return (
    <>
      <Filters filter={filter} units={units} services={services} canSeeAll={canSeeAll} />
      <QueryStatus fetching={query.isFetching} error={query.isError} ready={!!data} />
      {data && data.overall.respondents === 0 && <NoData body="satisfaction.noData.body" />}
      {data && data.overall.respondents > 0 && (
        <div className="chart-grid" aria-busy={query.isFetching}>
          <section className="card" aria-labelledby="ikm-overall" data-testid="ikm-overall">
            <h2 id="ikm-overall">{t("kpi.ikm")}</h2>
            <p className="tile-value">
              {data.overall.standing === "insufficient" ? t("ikm.insufficient.label") : ikmText(data.overall.ikm)}
            </p>
            <p>
              {t("satisfaction.col.grade")}: <b>{grade(data.overall.grade)}</b>
            </p>
            <p className="muted">
              {t("satisfaction.respondents", { n: data.overall.respondents })} · {sample(data.overall)}
            </p>
            <p className="muted">
              {t("satisfaction.complaints", {
                complaints: formatNumber(data.complaints, locale),
                suggestions: formatNumber(data.suggestions, locale),
              })}
            </p>
            <p className="muted small">{t("satisfaction.method")}</p>
            <p className="muted small">{t("ikm.rule", { floor: formatNumber(data.floor, locale) })}</p>
          </section>

          <ChartCard
            id="ikm-elements"
            title={t("satisfaction.elements")}
            description={
              data.overall.weakest ? t("satisfaction.weakest", { element: element(data.overall.weakest) }) : undefined
            }
            csv={() =>
              downloadCsv(
                file("unsur"),
                csvOf([
                  [t("satisfaction.col.element"), "NRR"],
                  ...data.elements.map((e) => [element(e.element), e.nrr]),
                ]),
              )
            }
            table={[
              [t("satisfaction.col.element"), "NRR"],
              ...data.elements.map((e) => [element(e.element), nrr(e.nrr)]),
            ]}
          >
            <BarChart
              data={data.elements.map((e) => ({ ...e, name: e.element }))}
              margin={{ top: 8, right: 12, bottom: 24, left: 16 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="name"
                label={{ value: t("satisfaction.col.element"), position: "insideBottom", offset: -12 }}
              />
              <YAxis
                width={48}
                domain={[1, 4]}
                ticks={[1, 2, 3, 4]}
                tickFormatter={(v: number) => formatNumber(v, locale)}
                label={{ value: "NRR", angle: -90, position: "left", offset: -4 }}
              />
              <Tooltip formatter={(v) => [nrr(Number(v)), "NRR"]} labelFormatter={(e) => element(String(e))} />
              <Bar dataKey="nrr" isAnimationActive={false}>
                {data.elements.map((e) => (
                  <Cell key={e.element} fill={e.element === data.overall.weakest ? VERMILLION : BLUE} />
                ))}
              </Bar>
            </BarChart>
          </ChartCard>

          <ChartCard
            id="ikm-time"
            title={t(data.bucket === "week" ? "satisfaction.weekly" : "satisfaction.monthly")}
            description={
              ikmScale.domain[0] > 25
                ? t("chart.ikmFrom", { from: formatNumber(ikmScale.domain[0], locale) })
                : undefined
            }
            csv={() =>
              downloadCsv(
                file("tren"),
                csvOf([
                  [t("services.axis.start"), "IKM", t("satisfaction.col.respondents")],
                  ...data.overTime.map((o) => [o.start, o.ikm, o.respondents]),
                ]),
              )
            }
            table={[
              [t("services.axis.start"), "IKM", t("satisfaction.col.respondents")],
              ...data.overTime.map((o) => [
                partialLabel(date(o.start), o.partial),
                ikmText(o.ikm),
                formatNumber(o.respondents, locale),
              ]),
            ]}
            partial={data.overTime.some((o) => o.partial)}
          >
            <LineChart data={data.overTime} margin={{ top: 8, right: 12, bottom: 24, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="start"
                tickFormatter={(s: string) =>
                  partialLabel(
                    date(s),
                    data.overTime.some((o) => o.start === s && o.partial),
                  )
                }
                label={{ value: t("services.axis.start"), position: "insideBottom", offset: -12 }}
              />
              <YAxis
                width={48}
                domain={ikmScale.domain}
                ticks={ikmScale.ticks}
                interval={0}
                allowDataOverflow
                tickFormatter={(v: number) =>
                  formatNumber(v, locale, {
                    minimumFractionDigits: ikmScale.decimals,
                    maximumFractionDigits: ikmScale.decimals,
                  })
                }
                label={{ value: "IKM", angle: -90, position: "left", offset: -4 }}
              />
              <Tooltip formatter={(v) => [ikmText(Number(v)), "IKM"]} labelFormatter={(s) => date(String(s))} />
              {(Object.entries(GRADE_FLOOR) as [keyof typeof GRADE_FLOOR, number][])
                .filter(([, floor]) => floor > ikmScale.domain[0] && floor < ikmScale.domain[1])
                .map(([g, floor]) => (
                  <ReferenceLine
                    key={g}
                    y={floor}
                    stroke="#6b7280"
                    strokeDasharray="4 4"
                    label={{
                      value: t("ikm.gradeLine", { grade: g }),
                      position: "insideTopRight",
                      fontSize: 12,
                      fill: "#4b5563",
                    }}
                  />
                ))}
              <Line type="monotone" dataKey="ikm" stroke={BLUE} strokeWidth={2} isAnimationActive={false} />
            </LineChart>
          </ChartCard>

          <TableCard
            id="ikm-services"
            title={t("services.byService")}
            csv={() =>
              downloadCsv(
                file("per-layanan"),
                csvRows(data.byService, (id) => serviceName.get(id) ?? id),
              )
            }
          >
            {table(data.byService, (id) => serviceName.get(id) ?? (id || t("satisfaction.noService")))}
          </TableCard>
          <TableCard
            id="ikm-units"
            title={t("services.byUnit")}
            csv={() =>
              downloadCsv(
                file("per-unit"),
                csvRows(data.byUnit, (id) => unitName.get(id) ?? id),
              )
            }
          >
            {table(
              data.byUnit,
              (id) => unitName.get(id) ?? id,
              (id) => unitLink(filter, id),
            )}
          </TableCard>
          {/* keyed by the filter: another period or unit starts again at the newest page */}
          <FeedbackList
            key={filterQuery(filter)}
            filter={filter}
            unitName={Object.fromEntries(unitName)}
            serviceName={Object.fromEntries(serviceName)}
          />
          <TableCard
            id="ikm-profile"
            title={t("satisfaction.profile")}
            csv={() =>
              downloadCsv(
                file("profil"),
                csvOf([
                  [t("satisfaction.col.field"), t("satisfaction.col.value"), t("satisfaction.col.respondents")],
                  ...data.profile.map((p) => [p.field, p.value, p.respondents]),
                ]),
              )
            }
          >
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("satisfaction.col.field")}</th>
                    <th scope="col">{t("satisfaction.col.value")}</th>
                    <th scope="col">{t("satisfaction.col.respondents")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.profile.map((p) => (
                    <tr key={`${p.field}:${p.value}`}>
                      <th scope="row">{t(`satisfaction.field.${p.field}` as Parameters<typeof t>[0])}</th>
                      <td>{profileValue(t, p.field, p.value)}</td>
                      <td className="num">{formatNumber(p.respondents, locale)}</td>
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

function profileValue(t: ReturnType<typeof useI18n>["t"], field: string, value: string): string {
  const prefix = {
    gender: "survey.gender.",
    age_group: "survey.age.",
    education: "survey.education.",
    occupation: "survey.occupation.",
  }[field];
  const key = `${prefix}${value}` as Parameters<typeof t>[0];
  const text = t(key);
  return text === key ? value : text;
}
