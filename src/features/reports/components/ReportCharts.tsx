"use client";
// The report's pictures: processing time against the service standard, IKM per service, and attendance
// with e-Kinerja per unit. Each has its table and CSV (ChartCard); hidden cells are left out of the bars.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/charts/ChartCard";
import { BLUE, GREEN, ORANGE, SKY } from "@/components/charts/colors";
import { csvOf, downloadCsv } from "@/lib/csv";
import { useI18n } from "@/i18n/client";
import { formatNumber, formatPercent } from "@/i18n/format";
import type { ReportData } from "../schemas";

const height = (n: number) => Math.max(200, 36 * n + 60);

export function ReportCharts({ data, fileBase }: { data: ReportData; fileBase: string }) {
  const { t, locale } = useI18n();
  const name = (o: { nameId: string; nameEn: string }) => (locale === "en" ? o.nameEn : o.nameId);
  const services = data.services
    .filter((s) => !s.suppressed)
    .map((s) => ({ name: name(s), sla: s.slaDays, median: s.medianDays, p90: s.p90Days }));
  const ikm = data.satisfaction.byService
    .filter((s) => !s.suppressed && s.ikm !== null)
    .map((s) => ({ name: name(s), ikm: s.ikm }));
  const units = data.units
    .filter((u) => !u.suppressed)
    .map((u) => ({
      name: u.name,
      attendance: u.attendanceRate === null ? null : u.attendanceRate * 100,
      ekinerja: u.ekinerjaFillRate === null ? null : u.ekinerjaFillRate * 100,
    }));
  const pct = (v: number | null) => (v === null ? "–" : formatPercent(v / 100, locale));
  const svcHead = [t("requests.service"), t("report.col.sla"), t("report.col.median"), t("report.col.p90")];
  const ikmHead = [t("requests.service"), "IKM"];
  const unitHead = [t("compliance.col.unit"), t("report.col.attendance"), t("report.col.ekinerja")];
  return (
    <div className="chart-grid report-charts">
      {services.length > 0 && (
        <ChartCard
          id="report-processing"
          height={height(services.length)}
          title={t("report.chart.processing")}
          table={[
            svcHead,
            ...services.map((s) => [
              s.name,
              formatNumber(s.sla, locale),
              s.median === null ? "–" : formatNumber(s.median, locale),
              s.p90 === null ? "–" : formatNumber(s.p90, locale),
            ]),
          ]}
          csv={() =>
            downloadCsv(
              `${fileBase}-waktu-layanan.csv`,
              csvOf([svcHead, ...services.map((s) => [s.name, s.sla, s.median, s.p90])]),
            )
          }
        >
          <BarChart data={services} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => formatNumber(v, locale)} />
            <YAxis type="category" dataKey="name" width={150} />
            <Tooltip formatter={(v, n) => [formatNumber(Number(v), locale), String(n)]} />
            <Legend verticalAlign="top" />
            <Bar dataKey="median" name={t("report.col.median")} fill={BLUE} />
            <Bar dataKey="sla" name={t("report.col.sla")} fill={SKY} />
          </BarChart>
        </ChartCard>
      )}
      {ikm.length > 0 && (
        <ChartCard
          id="report-ikm"
          height={height(ikm.length)}
          title={t("report.chart.ikm")}
          table={[
            ikmHead,
            ...ikm.map((s) => [
              s.name,
              s.ikm === null
                ? "–"
                : formatNumber(s.ikm, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
            ]),
          ]}
          csv={() => downloadCsv(`${fileBase}-ikm.csv`, csvOf([ikmHead, ...ikm.map((s) => [s.name, s.ikm])]))}
        >
          <BarChart data={ikm} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[25, 100]} tickFormatter={(v: number) => formatNumber(v, locale)} />
            <YAxis type="category" dataKey="name" width={150} />
            <Tooltip
              formatter={(v) => [
                formatNumber(Number(v), locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
                "IKM",
              ]}
            />
            <Bar dataKey="ikm" name="IKM" fill={GREEN} />
          </BarChart>
        </ChartCard>
      )}
      {units.length > 0 && (
        <ChartCard
          id="report-units"
          height={height(units.length)}
          title={t("report.chart.units")}
          table={[unitHead, ...units.map((u) => [u.name, pct(u.attendance), pct(u.ekinerja)])]}
          csv={() =>
            downloadCsv(
              `${fileBase}-unit.csv`,
              csvOf([unitHead, ...units.map((u) => [u.name, u.attendance, u.ekinerja])]),
            )
          }
        >
          <BarChart data={units} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${formatNumber(v, locale)}%`} />
            <YAxis type="category" dataKey="name" width={170} />
            <Tooltip formatter={(v, n) => [pct(Number(v)), String(n)]} />
            <Legend verticalAlign="top" />
            <Bar dataKey="attendance" name={t("report.col.attendance")} fill={BLUE} />
            <Bar dataKey="ekinerja" name={t("report.col.ekinerja")} fill={ORANGE} />
          </BarChart>
        </ChartCard>
      )}
    </div>
  );
}
