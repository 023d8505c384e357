"use client";
// The leaders' overview: KPI tiles for the chosen period with the change against the previous period
// and the same period last year, and a twelve-month trend line (with its table for screen readers and
// a CSV of everything).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import type { MessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/client";
import { formatDate, formatNumber, formatPercent } from "@/i18n/format";
import { useTRPC } from "@/trpc/react";
import type { Kpi, Overview as OverviewData } from "../server/kpi";
import { NoData, QueryStatus } from "@/components/charts/ChartCard";
import { csvOf, downloadCsv } from "@/lib/csv";
import { Filters, type DashboardFilter, type UnitOption } from "./Filters";

type KpiKey =
  | "ikm"
  | "completed"
  | "processingP50"
  | "processingP90"
  | "slaCompliance"
  | "backlog"
  | "overdue"
  | "attendanceRate"
  | "latenessRate"
  | "absenceTkRate"
  | "ekinerjaFillRate";
type Kind = "count" | "days" | "rate" | "index";

/** Each tile: its format and which direction is good (for the colour; the text always says up/down). */
const TILES: { group: MessageKey; items: { key: KpiKey; kind: Kind; goodUp: boolean; note?: MessageKey }[] }[] = [
  {
    group: "dashboard.group.services",
    items: [
      { key: "completed", kind: "count", goodUp: true },
      { key: "processingP50", kind: "days", goodUp: false },
      { key: "processingP90", kind: "days", goodUp: false },
      { key: "slaCompliance", kind: "rate", goodUp: true },
      { key: "backlog", kind: "count", goodUp: false, note: "kpi.atEnd" },
      { key: "overdue", kind: "count", goodUp: false, note: "kpi.atEnd" },
    ],
  },
  {
    group: "dashboard.group.attendance",
    items: [
      { key: "attendanceRate", kind: "rate", goodUp: true },
      { key: "latenessRate", kind: "rate", goodUp: false },
      { key: "absenceTkRate", kind: "rate", goodUp: false },
    ],
  },
  { group: "dashboard.group.ekinerja", items: [{ key: "ekinerjaFillRate", kind: "rate", goodUp: true }] },
];

export function Overview({
  filter,
  units,
  services,
  canSeeAll,
  fixedUnit,
}: {
  filter: DashboardFilter;
  units: UnitOption[];
  services: { id: string; name: string }[];
  canSeeAll: boolean;
  fixedUnit?: boolean;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.dashboard.overview.queryOptions(filter), placeholderData: keepPreviousData });
  const data = query.data;

  const format = (v: number | null, kind: Kind) =>
    v === null
      ? t("dashboard.noValue")
      : kind === "rate"
        ? formatPercent(v, locale)
        : kind === "index"
          ? formatNumber(v, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
          : kind === "days"
            ? formatNumber(v, locale, { maximumFractionDigits: 1 })
            : formatNumber(v, locale, { maximumFractionDigits: 0 });

  /** Grade and respondents; provisional short of the sample; too few answers are not graded (ikm.ts). */
  function ikmNote(s: OverviewData["survey"]["current"]) {
    const respondents = formatNumber(s.respondents, locale);
    if (s.sample.standing === "insufficient")
      return t("kpi.ikmInsufficientNote", { respondents, min: formatNumber(s.sample.minimum, locale) });
    const vars = { grade: s.grade ?? "—", label: s.grade ? t(`ikm.grade.${s.grade}`) : "", respondents };
    return s.sample.standing === "provisional"
      ? t("kpi.ikmProvisionalNote", { ...vars, required: formatNumber(s.sample.required, locale) })
      : t("kpi.ikmNote", vars);
  }

  function download() {
    if (!data) return;
    const header = [
      t("dashboard.value"),
      t("dashboard.vsPrevious"),
      t("dashboard.vsLastYear"),
      ...data.months.map((m) => m.slice(0, 7)),
    ];
    const rows = TILES.flatMap((g) => g.items).map(({ key }) => {
      const k = data.kpis[key];
      return [t(`kpi.${key}`), k.value, k.previous, k.lastYear, ...k.trend];
    });
    downloadCsv(
      `pantau-ringkasan-${data.period.current.from}_${data.period.current.to}.csv`,
      csvOf([["", ...header], ...rows]),
    );
  }

  return (
    <>
      <Filters filter={filter} units={units} services={services} canSeeAll={canSeeAll} fixedUnit={fixedUnit}>
        <button className="button small secondary" type="button" onClick={download} disabled={!data}>
          {t("dashboard.downloadCsv")}
        </button>
      </Filters>

      {data && (
        <p className="muted" data-testid="period-range">
          {t("dashboard.range", {
            from: formatDate(data.period.current.from, locale, "UTC"),
            to: formatDate(data.period.current.to, locale, "UTC"),
          })}
        </p>
      )}
      <QueryStatus fetching={query.isFetching} error={query.isError} ready={!!data} skeleton={<TileSkeleton />} />
      {data && !data.hasData && <NoData />}
      {data?.hasData &&
        TILES.map((g) => (
          <section key={g.group} aria-labelledby={`g-${g.group}`} className="tile-group" aria-busy={query.isFetching}>
            <h2 id={`g-${g.group}`}>{t(g.group)}</h2>
            <ul className="tiles">
              {g.items.map((item) => (
                <KpiTile
                  key={item.key}
                  id={item.key}
                  label={t(`kpi.${item.key}`)}
                  note={item.note ? t(item.note) : undefined}
                  kpi={data.kpis[item.key]}
                  kind={item.kind}
                  goodUp={item.goodUp}
                  months={data.months}
                  partialMonth={data.partialMonth}
                  format={format}
                />
              ))}
            </ul>
          </section>
        ))}
      {data?.hasData && (
        <section aria-labelledby="g-ikm" className="tile-group">
          <h2 id="g-ikm">{t("dashboard.group.ikm")}</h2>
          <ul className="tiles">
            {data.survey.current.respondents > 0 ? (
              <KpiTile
                id="ikm"
                label={t("kpi.ikm")}
                note={ikmNote(data.survey.current)}
                valueText={
                  data.survey.current.sample.standing === "insufficient" ? t("ikm.insufficient.label") : undefined
                }
                kpi={data.kpis.ikm}
                kind="index"
                goodUp
                months={data.months}
                partialMonth={data.partialMonth}
                format={format}
              />
            ) : (
              <li className="tile" data-testid="tile-ikm">
                <h3>{t("kpi.ikm")}</h3>
                <p className="muted">{t("kpi.ikmEmpty")}</p>
              </li>
            )}
          </ul>
        </section>
      )}
    </>
  );
}

function KpiTile(props: {
  id: KpiKey;
  label: string;
  note?: string;
  valueText?: string;
  kpi: Kpi;
  kind: Kind;
  goodUp: boolean;
  months: string[];
  partialMonth: string | null;
  format: (v: number | null, kind: Kind) => string;
}) {
  const { t, locale } = useI18n();
  const { kpi, kind, format } = props;
  // a month still running is left out of the line (its sums so far would read as a plunge) and named so in the table
  const series = props.months.map((m, i) => ({
    month: m,
    value: kpi.trend[i],
    line: m === props.partialMonth ? null : kpi.trend[i],
  }));
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(m));
  const monthLabel = (m: string) =>
    m === props.partialMonth ? t("dashboard.trendPartial", { month: monthName(m) }) : monthName(m);
  return (
    <li className="tile" data-testid={`tile-${props.id}`}>
      <h3>{props.label}</h3>
      <p className="tile-value">
        {props.valueText ??
          (kind === "days" && kpi.value !== null
            ? t("dashboard.days", { value: format(kpi.value, kind) })
            : format(kpi.value, kind))}
      </p>
      {props.note && <p className="tile-note muted">{props.note}</p>}
      <ul className="changes">
        <Change
          label={t("dashboard.vsPrevious")}
          now={kpi.value}
          then={kpi.previous}
          kind={kind}
          goodUp={props.goodUp}
        />
        <Change
          label={t("dashboard.vsLastYear")}
          now={kpi.value}
          then={kpi.lastYear}
          kind={kind}
          goodUp={props.goodUp}
        />
      </ul>
      <div className="spark" role="img" aria-label={t("dashboard.trend", { label: props.label })}>
        <ResponsiveContainer width="100%" height={44}>
          <LineChart data={series} margin={{ top: 4, right: 2, bottom: 2, left: 2 }}>
            <YAxis hide domain={["auto", "auto"]} />
            <Tooltip
              formatter={(v) => [format(typeof v === "number" ? v : null, kind), props.label]}
              labelFormatter={(_, p) => (p?.[0]?.payload?.month ? monthLabel(String(p[0].payload.month)) : "")}
            />
            <Line
              type="monotone"
              dataKey="line"
              stroke="#0072B2"
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t("dashboard.trendTable")}</summary>
        <table className="mini-table">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.month")}</th>
              <th scope="col">{t("dashboard.value")}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.month}>
                <th scope="row">{monthLabel(s.month)}</th>
                <td>{format(s.value ?? null, kind)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </li>
  );
}

function Change({
  label,
  now,
  then,
  kind,
  goodUp,
}: {
  label: string;
  now: number | null;
  then: number | null;
  kind: Kind;
  goodUp: boolean;
}) {
  const { t, locale } = useI18n();
  if (now === null || then === null || (kind !== "rate" && then === 0)) {
    return (
      <li className="change muted">
        {label}: {t("dashboard.noComparison")}
      </li>
    );
  }
  const diff = now - then;
  // Rates change in percentage points, the IKM in index points; counts and days relative to the earlier value.
  const size =
    kind === "rate"
      ? t("dashboard.points", { value: formatNumber(Math.abs(diff) * 100, locale, { maximumFractionDigits: 1 }) })
      : kind === "index"
        ? t("dashboard.points", { value: formatNumber(Math.abs(diff), locale, { maximumFractionDigits: 2 }) })
        : formatPercent(Math.abs(diff) / then, locale);
  const tiny = Math.abs(diff) < (kind === "rate" ? 0.0005 : 1e-9);
  const good = tiny ? "" : diff > 0 === goodUp ? "good" : "bad";
  return (
    <li className={`change ${good}`}>
      <span aria-hidden="true">{tiny ? "■" : diff > 0 ? "▲" : "▼"} </span>
      {tiny ? t("dashboard.same") : t(diff > 0 ? "dashboard.up" : "dashboard.down", { change: size })}{" "}
      <span className="muted">{label}</span>
    </li>
  );
}

function TileSkeleton() {
  return (
    <ul className="tiles" aria-hidden="true" data-testid="tiles-loading">
      {Array.from({ length: 8 }, (_, i) => (
        <li key={i} className="tile skeleton" />
      ))}
    </ul>
  );
}
