import Link from "next/link";
import { periodLabel } from "@/features/reports/format";
import { formatDate } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.reports");
export const dynamic = "force-dynamic";

/** Public, no account needed: every published transparency report, newest period first. */
export default async function ReportsIndexPage() {
  const [{ t, locale }, reports] = await Promise.all([getTranslator(), pageData((api) => api.reports.index())]);
  return (
    <div className="page narrow">
      <h1>{t("report.index.title")}</h1>
      <p className="lead">{t("report.index.lead")}</p>
      {reports.length === 0 ? (
        <p className="empty-state">{t("report.index.empty")}</p>
      ) : (
        <ul className="report-index">
          {reports.map((r) => (
            <li key={`${r.regionCode}/${r.period}`} className="card">
              <Link href={`/laporan/${r.regionCode}/${r.period}`}>
                <strong>{t("report.title", { period: periodLabel(r.period, locale) })}</strong>
              </Link>
              <span className="muted">
                {r.regionName} · {t("report.version", { n: r.version })} ·{" "}
                {t("report.publishedAt", { date: formatDate(r.publishedAt, locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">
        {t("report.index.openData")}{" "}
        <Link href="/api/data-terbuka/laporan" prefetch={false}>
          /api/data-terbuka/laporan
        </Link>
      </p>
    </div>
  );
}
