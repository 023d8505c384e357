"use client";
// One employee's months: e-Kinerja entries on time / late / missing as stacked bars, with a table view
// and CSV like every chart (ChartCard).
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/charts/ChartCard";
import { GREEN, ORANGE, VERMILLION } from "@/components/charts/colors";
import { csvOf, downloadCsv } from "@/lib/csv";
import { useI18n } from "@/i18n/client";
import { formatNumber, formatPercent } from "@/i18n/format";
import type { TimelineMonth } from "../server/queries";

export function TimelineChart({ months, fileName }: { months: TimelineMonth[]; fileName: string }) {
  const { t, locale } = useI18n();
  const label = (m: string) =>
    new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${m}-01T00:00:00Z`));
  const data = months.map((m) => ({ ...m, label: label(m.month) }));
  const head = [
    t("compliance.month"),
    t("compliance.col.due"),
    t("compliance.col.onTime"),
    t("compliance.col.late"),
    t("compliance.col.missing"),
    t("compliance.notDue.label"),
    t("compliance.att.workdays"),
    t("compliance.att.present"),
    t("compliance.att.tk"),
    t("compliance.att.leave"),
  ];
  const rows = months.map((m) => [
    label(m.month),
    m.due,
    m.onTime,
    m.late,
    m.missing,
    m.notDueLeave,
    m.attendance.workdays,
    m.attendance.present,
    m.attendance.tk,
    m.attendance.leave,
  ]);
  return (
    <ChartCard
      id="timeline"
      title={t("compliance.timeline")}
      description={t("compliance.timelineLead")}
      table={[head, ...rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c, locale) : c)))]}
      csv={() => downloadCsv(`${fileName}.csv`, csvOf([head, ...rows]))}
    >
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis
          allowDecimals={false}
          tickFormatter={(v: number) => formatNumber(v, locale)}
          label={{ value: t("compliance.entries"), angle: -90, position: "insideLeft" }}
        />
        <Tooltip
          formatter={(v, name) => [formatNumber(Number(v), locale), String(name)]}
          labelFormatter={(l, p) => {
            const m = p?.[0]?.payload as TimelineMonth | undefined;
            const rate =
              m && m.attendance.workdays ? formatPercent(m.attendance.present / m.attendance.workdays, locale) : "–";
            return `${String(l)} · ${t("compliance.att.rate")} ${rate}`;
          }}
        />
        <Legend />
        <Bar dataKey="onTime" name={t("compliance.col.onTime")} stackId="e" fill={GREEN} />
        <Bar dataKey="late" name={t("compliance.col.late")} stackId="e" fill={ORANGE} />
        <Bar dataKey="missing" name={t("compliance.col.missing")} stackId="e" fill={VERMILLION} />
      </BarChart>
    </ChartCard>
  );
}
