// How a report's values read, on the page, in the CSV and in the PDF alike.
import type { Locale, Translate } from "@/i18n/catalog";
import { formatNumber, formatPercent } from "@/i18n/format";
import type { ReportData } from "./schema";

export function periodLabel(slug: string, locale: Locale): string {
  const [y, rest] = slug.split("-");
  if (!rest) return locale === "en" ? `Year ${y}` : `Tahun ${y}`;
  if (rest.startsWith("q")) return locale === "en" ? `Quarter ${rest.slice(1)} ${y}` : `Triwulan ${rest.slice(1)} ${y}`;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${y}-${rest}-01T00:00:00Z`));
}

/** A cell's text: the value, or that it is hidden because it covers too few people. */
export function cellText(value: number | null, suppressed: boolean, kind: "count" | "days" | "percent" | "ikm", t: Translate): string {
  if (suppressed) return t("report.suppressedCell");
  if (value === null) return "–";
  if (kind === "percent") return formatPercent(value);
  if (kind === "ikm") return formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return formatNumber(value);
}

export type LongRow = [section: string, code: string, name: string, measure: string, value: number | string | null, suppressed: string];

/** The report as long rows (section, code, name, measure, value, suppressed): one table for every use. */
export function longRows(d: ReportData, locale: Locale): LongRow[] {
  const yes = (b: boolean) => (b ? "ya" : "tidak");
  const name = (o: { nameId: string; nameEn: string }) => (locale === "en" ? o.nameEn : o.nameId);
  const rows: LongRow[] = [];
  for (const s of d.services) {
    rows.push(["layanan", s.code, name(s), "sla_hari_kerja", s.slaDays, "tidak"]);
    rows.push(["layanan", s.code, name(s), "selesai", s.completed, yes(s.suppressed)]);
    rows.push(["layanan", s.code, name(s), "median_hari_kerja", s.medianDays, yes(s.suppressed)]);
    rows.push(["layanan", s.code, name(s), "p90_hari_kerja", s.p90Days, yes(s.suppressed)]);
    rows.push(["layanan", s.code, name(s), "kepatuhan_sla", s.slaCompliance, yes(s.suppressed)]);
  }
  const o = d.satisfaction.overall;
  rows.push(["ikm", "", locale === "en" ? "All services" : "Seluruh layanan", "ikm", o.ikm, yes(o.suppressed)], ["ikm", "", locale === "en" ? "All services" : "Seluruh layanan", "responden", o.respondents, yes(o.suppressed)]);
  for (const s of d.satisfaction.byService) {
    rows.push(["ikm_layanan", s.code, name(s), "ikm", s.ikm, yes(s.suppressed)], ["ikm_layanan", s.code, name(s), "mutu", s.grade, yes(s.suppressed)], ["ikm_layanan", s.code, name(s), "responden", s.respondents, yes(s.suppressed)]);
  }
  for (const u of d.satisfaction.byUnit) {
    rows.push(["ikm_unit", u.code, u.name, "ikm", u.ikm, yes(u.suppressed)], ["ikm_unit", u.code, u.name, "mutu", u.grade, yes(u.suppressed)], ["ikm_unit", u.code, u.name, "responden", u.respondents, yes(u.suppressed)]);
  }
  for (const u of d.units) {
    rows.push(["unit", u.code, u.name, "pegawai", u.employees, yes(u.suppressed)], ["unit", u.code, u.name, "tingkat_kehadiran", u.attendanceRate, yes(u.suppressed)], ["unit", u.code, u.name, "pengisian_ekinerja", u.ekinerjaFillRate, yes(u.suppressed)]);
  }
  return rows;
}
