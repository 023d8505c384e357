import Link from "next/link";
import { ReportView } from "@/features/reports/components/ReportView";
import { discardReport, publishDraft } from "@/features/reports/server/actions";
import { isMessageKey } from "@/i18n/catalog";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.reportPreview");

/** A draft as the public will see it, with publish and discard. */
export default async function ReportDraftPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ galat?: string }>;
}) {
  const { id } = await params;
  await requireRole(rolesFor("/admin/laporan"), `/admin/laporan/${id}`);
  const [{ t, locale }, sp, { row, data }] = await Promise.all([
    getTranslator(),
    searchParams,
    pageData((api) => api.reports.byId({ id: id.slice(0, 64) })),
  ]);
  const error = sp.galat && isMessageKey(sp.galat) ? t(sp.galat) : null;
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link href="/admin/laporan">{t("reports.admin.title")}</Link>
      </nav>
      {row.status === "DRAFT" && (
        <div className="card draft-bar">
          <p>
            <strong>{t("reports.admin.preview")}</strong> {t("reports.admin.previewHelp")}
          </p>
          {error && (
            <p className="alert error" role="alert">
              {error}
            </p>
          )}
          <div className="inline-form">
            {/* publishing cannot be undone: a second step says what it means and asks for a tick (the server checks it too) */}
            <details className="confirm-publish" open={sp.galat === "reports.error.confirm"}>
              <summary className="button">{t("reports.publish.open")}</summary>
              <form action={publishDraft} className="confirm-body">
                <input type="hidden" name="id" value={row.id} />
                <p id="publish-what">{t("reports.publish.what")}</p>
                <label className="check">
                  <input type="checkbox" name="confirm" value="1" required aria-describedby="publish-what" />{" "}
                  {t("reports.publish.confirm")}
                </label>
                <button className="button" type="submit">
                  {t("reports.publish.submit")}
                </button>
              </form>
            </details>
            <form action={discardReport}>
              <input type="hidden" name="id" value={row.id} />
              <button className="button secondary" type="submit">
                {t("reports.admin.discard")}
              </button>
            </form>
          </div>
        </div>
      )}
      <ReportView
        data={data}
        t={t}
        locale={locale}
        meta={{
          version: row.version,
          status: row.status,
          publishedAt: row.publishedAt,
          changeNote: row.changeNote,
          versions: [],
          base: null,
        }}
      />
    </div>
  );
}
