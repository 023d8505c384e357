// A transparency report as people read it: what each measure means in plain words, the numbers with
// hidden small cells marked, the pictures, and the downloads. The public page and HR's draft preview
// show the same view.
import Link from "next/link";
import type { Locale, Translate } from "@/i18n/catalog";
import { formatDate, formatDateTime, formatNumber } from "@/i18n/format";
import { GRADE_LABEL } from "@/lib/domain/ikm";
import { cellText, ikmCellText, periodLabel } from "../format";
import type { ReportData } from "../schemas";
import { ReportCharts } from "./ReportCharts";

export interface ReportMeta {
  version: number;
  status: "DRAFT" | "PUBLISHED";
  publishedAt: Date | null;
  changeNote: string | null;
  versions: { version: number; publishedAt: Date; changeNote: string | null }[];
  /** Base of the report's URLs, e.g. /laporan/demo/2026-10 (null for a draft). */
  base: string | null;
}

export function ReportView({
  data,
  meta,
  t,
  locale,
}: {
  data: ReportData;
  meta: ReportMeta;
  t: Translate;
  locale: Locale;
}) {
  const name = (o: { nameId: string; nameEn: string }) => (locale === "en" ? o.nameEn : o.nameId);
  const o = data.satisfaction.overall;
  const grade = (g: "A" | "B" | "C" | "D" | null) =>
    g ? `${g} (${locale === "en" ? GRADE_LABEL[g].en : GRADE_LABEL[g].id})` : "–";
  const v = meta.base ? `?versi=${meta.version}` : "";
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-head">
        <p className="muted">{data.region.name}</p>
        <h1 id="report-title">{t("report.title", { period: periodLabel(data.period.slug, locale) })}</h1>
        <p className="muted">
          {formatDate(new Date(`${data.period.from}T00:00:00Z`), locale, "UTC")} –{" "}
          {formatDate(new Date(`${data.period.to}T00:00:00Z`), locale, "UTC")} ·{" "}
          {t("report.version", { n: meta.version })}
          {meta.publishedAt
            ? ` · ${t("report.publishedAt", { date: formatDate(meta.publishedAt, locale) })}`
            : ` · ${t("report.draft")}`}
        </p>
        <p className="muted" data-testid="report-as-of">
          {t("report.dataAsOf", { date: formatDateTime(new Date(data.dataAsOf), locale) })}
        </p>
        {meta.changeNote && (
          <p className="alert" data-testid="report-correction">
            <strong>{t("report.correction", { n: meta.version })}</strong> {meta.changeNote}
          </p>
        )}
        {meta.base && (
          <p className="inline-form report-downloads">
            <a className="button small" href={`${meta.base}/pdf${v}`}>
              {t("report.download.pdf")}
            </a>
            <a className="button small secondary" href={`${meta.base}/csv${v}`}>
              {t("report.download.csv")}
            </a>
            <a className="button small secondary" href={`/api/data-terbuka${meta.base}${v}`}>
              {t("report.download.json")}
            </a>
          </p>
        )}
      </header>

      <section aria-labelledby="privacy-title" className="card">
        <h2 id="privacy-title">{t("report.privacy.title")}</h2>
        <p>{t("report.privacy.body", { n: data.minCell })}</p>
      </section>

      <ReportCharts data={data} fileBase={`pantau-${data.region.code.toLowerCase()}-${data.period.slug}`} />

      <section aria-labelledby="services-title">
        <h2 id="services-title">{t("report.services.title")}</h2>
        <p>{t("report.explain.processing")}</p>
        <div className="table-wrap">
          <table className="mini-table report-table">
            <thead>
              <tr>
                <th scope="col">{t("requests.service")}</th>
                <th scope="col">{t("report.col.sla")}</th>
                <th scope="col">{t("report.col.completed")}</th>
                <th scope="col">{t("report.col.median")}</th>
                <th scope="col">{t("report.col.p90")}</th>
                <th scope="col">{t("report.col.slaCompliance")}</th>
              </tr>
            </thead>
            <tbody>
              {data.services.map((s) => (
                <tr key={s.code}>
                  <th scope="row">{name(s)}</th>
                  <td className="num">{formatNumber(s.slaDays, locale)}</td>
                  <td className="num">{cellText(s.completed, s.suppressed, "count", t, locale)}</td>
                  <td className="num">{cellText(s.medianDays, s.suppressed, "days", t, locale)}</td>
                  <td className="num">{cellText(s.p90Days, s.suppressed, "days", t, locale)}</td>
                  <td className="num">{cellText(s.slaCompliance, s.suppressed, "percent", t, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="ikm-title">
        <h2 id="ikm-title">{t("report.ikm.title")}</h2>
        <p>{t("report.explain.ikm")}</p>
        {o.minimum !== undefined && <p className="muted">{t("report.ikm.sampleRule")}</p>}
        <p className="report-overall" data-testid="report-ikm">
          {o.suppressed || o.standing === "insufficient"
            ? ikmCellText(o, t, locale)
            : t("report.ikm.overall", {
                ikm: ikmCellText(o, t, locale),
                grade: grade(o.grade),
                n: formatNumber(o.respondents ?? 0, locale),
              })}
        </p>
        <div className="table-wrap">
          <table className="mini-table report-table">
            <thead>
              <tr>
                <th scope="col">{t("requests.service")}</th>
                <th scope="col">IKM</th>
                <th scope="col">{t("report.col.grade")}</th>
                <th scope="col">{t("report.col.respondents")}</th>
              </tr>
            </thead>
            <tbody>
              {data.satisfaction.byService.map((s) => (
                <tr key={s.code}>
                  <th scope="row">{name(s)}</th>
                  <td className="num">{ikmCellText(s, t, locale)}</td>
                  <td>{s.suppressed ? "" : grade(s.grade)}</td>
                  <td className="num">{cellText(s.respondents, s.suppressed, "count", t, locale)}</td>
                </tr>
              ))}
            </tbody>
            {data.satisfaction.byUnit.length > 0 && (
              <tbody>
                <tr>
                  <th scope="rowgroup" colSpan={4} className="group-row">
                    {t("report.ikm.byUnit")}
                  </th>
                </tr>
                {data.satisfaction.byUnit.map((u) => (
                  <tr key={`u-${u.code}`}>
                    <th scope="row">{u.name}</th>
                    <td className="num">{ikmCellText(u, t, locale)}</td>
                    <td>{u.suppressed ? "" : grade(u.grade)}</td>
                    <td className="num">{cellText(u.respondents, u.suppressed, "count", t, locale)}</td>
                  </tr>
                ))}
              </tbody>
            )}
          </table>
        </div>
      </section>

      <section aria-labelledby="units-title">
        <h2 id="units-title">{t("report.units.title")}</h2>
        <p>{t("report.explain.attendance")}</p>
        <p>{t("report.explain.ekinerja")}</p>
        <div className="table-wrap">
          <table className="mini-table report-table">
            <thead>
              <tr>
                <th scope="col">{t("compliance.col.unit")}</th>
                <th scope="col">{t("report.col.employees")}</th>
                <th scope="col">{t("report.col.attendance")}</th>
                <th scope="col">{t("report.col.ekinerja")}</th>
              </tr>
            </thead>
            <tbody>
              {data.units.map((u) => (
                <tr key={u.code}>
                  <th scope="row">{u.name}</th>
                  <td className="num">{cellText(u.employees, u.suppressed, "count", t, locale)}</td>
                  <td className="num">{cellText(u.attendanceRate, u.suppressed, "percent", t, locale)}</td>
                  <td className="num">{cellText(u.ekinerjaFillRate, u.suppressed, "percent", t, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {meta.versions.length > 1 && meta.base && (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t("report.versions")}</h2>
          <ul>
            {meta.versions.map((x) => (
              <li key={x.version}>
                <Link
                  href={`${meta.base}?versi=${x.version}`}
                  aria-current={x.version === meta.version ? "page" : undefined}
                >
                  {t("report.version", { n: x.version })}
                </Link>{" "}
                · {formatDate(x.publishedAt, locale)}
                {x.changeNote ? ` — ${x.changeNote}` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
