import Link from "next/link";
import { draftReport } from "@/features/reports/server/actions";
import { periodLabel } from "@/features/reports/format";
import { isMessageKey } from "@/i18n/catalog";
import { formatDate } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { today } from "@/server/clock";
import { addMonths } from "@/features/dashboard/period";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.reportsAdmin");

/** HR drafts a report for a period, reviews it, publishes it; corrections are new versions. */
export default async function ReportsAdminPage({
  searchParams,
}: {
  searchParams: Promise<{ galat?: string; periode?: string }>;
}) {
  await requireRole(rolesFor("/admin/laporan"), "/admin/laporan");
  const [{ t, locale }, sp, rows] = await Promise.all([
    getTranslator(),
    searchParams,
    pageData((api) => api.reports.versions()),
  ]);
  const error = sp.galat && isMessageKey(sp.galat) ? t(sp.galat) : null;
  // The form offers the latest complete month not yet published, so "Buat draf" makes a draft and opens
  // its preview in one click (last month, once published, needs a correction note and only said so).
  const published = new Set(rows.filter((r) => r.status === "PUBLISHED").map((r) => r.period));
  let suggested = addMonths(today(), -1).slice(0, 7);
  for (let back = 2; back <= 24 && published.has(suggested); back++) suggested = addMonths(today(), -back).slice(0, 7);
  return (
    <div className="page">
      <h1>{t("reports.admin.title")}</h1>
      <p className="lead">{t("reports.admin.lead")}</p>
      <p>
        <Link href="/laporan">{t("reports.admin.public")}</Link>
      </p>
      <form action={draftReport} className="form grid">
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="report-period">{t("reports.admin.period")}</label>
          <input
            id="report-period"
            name="period"
            required
            defaultValue={sp.periode ?? suggested}
            placeholder="2026-10, 2026-q3, 2026"
            aria-describedby="period-help"
          />
          <span id="period-help" className="muted small">
            {t("reports.admin.periodHelp")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="report-note">{t("reports.admin.note")}</label>
          <textarea id="report-note" name="note" rows={2} maxLength={2000} aria-describedby="note-help" />
          <span id="note-help" className="muted small">
            {t("reports.admin.noteHelp")}
          </span>
        </div>
        <button className="button" type="submit">
          {t("reports.admin.draft")}
        </button>
      </form>
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="mini-table report-table">
            <thead>
              <tr>
                <th scope="col">{t("reports.admin.period")}</th>
                <th scope="col">{t("reports.admin.versionCol")}</th>
                <th scope="col">{t("requests.status")}</th>
                <th scope="col">{t("reports.admin.made")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.status === "DRAFT" ? (
                      <Link href={`/admin/laporan/${r.id}`}>{periodLabel(r.period, locale)}</Link>
                    ) : (
                      <Link href={`/laporan/${r.regionCode}/${r.period}?versi=${r.version}`}>
                        {periodLabel(r.period, locale)}
                      </Link>
                    )}
                  </th>
                  <td className="num">{r.version}</td>
                  <td>{t(r.status === "DRAFT" ? "reports.admin.statusDraft" : "reports.admin.statusPublished")}</td>
                  <td>
                    {formatDate(r.publishedAt ?? r.createdAt, locale)} · {r.publishedByName ?? r.createdByName}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
