// How a report's values read, on the page, in the CSV and in the PDF alike.
import type { Locale, Translate } from "@/i18n/catalog";
import { formatNumber, formatPercent } from "@/i18n/format";
import type { IkmCell, ReportData } from "./schemas";

export function periodLabel(slug: string, locale: Locale): string {
  const [y, rest] = slug.split("-");
  if (!rest) return locale === "en" ? `Year ${y}` : `Tahun ${y}`;
  if (rest.startsWith("q")) return locale === "en" ? `Quarter ${rest.slice(1)} ${y}` : `Triwulan ${rest.slice(1)} ${y}`;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${y}-${rest}-01T00:00:00Z`));
}

/** A cell's text: the value, or that it is hidden because it covers too few people. */
export function cellText(
  value: number | null,
  suppressed: boolean,
  kind: "count" | "days" | "percent" | "ikm",
  t: Translate,
  locale: Locale,
): string {
  if (suppressed) return t("report.suppressedCell");
  if (value === null) return "–";
  if (kind === "percent") return formatPercent(value, locale);
  if (kind === "ikm") return formatNumber(value, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return formatNumber(value, locale);
}

/** An IKM cell's text: hidden (privacy), "not enough data" (too few respondents), or the value, provisional short of the sample. */
export function ikmCellText(c: IkmCell, t: Translate, locale: Locale): string {
  if (c.suppressed) return t("report.suppressedCell");
  if (c.standing === "insufficient") return t("ikm.insufficient.label");
  const v = cellText(c.ikm, false, "ikm", t, locale);
  return c.standing === "provisional" ? `${v} (${t("ikm.provisional")})` : v;
}

export type LongRow = [
  section: string,
  code: string,
  name: string,
  measure: string,
  value: number | string | null,
  suppressed: string,
];

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
  // the sample's standing beside each IKM: "insufficient" rows carry no IKM or grade
  const standing = (section: string, code: string, label: string, c: IkmCell): LongRow[] =>
    c.standing && !c.suppressed ? [[section, code, label, "kecukupan_sampel", c.standing, "tidak"]] : [];
  const all = locale === "en" ? "All services" : "Seluruh layanan";
  rows.push(
    ["ikm", "", all, "ikm", o.ikm, yes(o.suppressed)],
    ["ikm", "", all, "responden", o.respondents, yes(o.suppressed)],
    ...standing("ikm", "", all, o),
  );
  for (const s of d.satisfaction.byService) {
    rows.push(
      ["ikm_layanan", s.code, name(s), "ikm", s.ikm, yes(s.suppressed)],
      ["ikm_layanan", s.code, name(s), "mutu", s.grade, yes(s.suppressed)],
      ["ikm_layanan", s.code, name(s), "responden", s.respondents, yes(s.suppressed)],
      ...standing("ikm_layanan", s.code, name(s), s),
    );
  }
  for (const u of d.satisfaction.byUnit) {
    rows.push(
      ["ikm_unit", u.code, u.name, "ikm", u.ikm, yes(u.suppressed)],
      ["ikm_unit", u.code, u.name, "mutu", u.grade, yes(u.suppressed)],
      ["ikm_unit", u.code, u.name, "responden", u.respondents, yes(u.suppressed)],
      ...standing("ikm_unit", u.code, u.name, u),
    );
  }
  for (const u of d.units) {
    rows.push(
      ["unit", u.code, u.name, "pegawai", u.employees, yes(u.suppressed)],
      ["unit", u.code, u.name, "tingkat_kehadiran", u.attendanceRate, yes(u.suppressed)],
      ["unit", u.code, u.name, "pengisian_ekinerja", u.ekinerjaFillRate, yes(u.suppressed)],
    );
  }
  return rows;
}
