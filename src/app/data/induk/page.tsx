import Link from "next/link";
import { PendingButton } from "@/features/imports/components/PendingButton";
import { uploadMasterFile } from "@/features/imports/server/master-actions";
import { isMessageKey } from "@/i18n/catalog";
import { formatDateTime } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { FORM_BODY_LIMIT_MB } from "../../../../scripts/limits.mjs";
import { pageTitle } from "@/i18n/server";
import { pageData } from "@/trpc/server";

export const generateMetadata = pageTitle("title.master");

/** Upload the unit list or the employee export; earlier imports with their state. */
export default async function MasterDataPage({ searchParams }: { searchParams: Promise<{ galat?: string }> }) {
  await requireRole(rolesFor("/data/induk"), "/data/induk");
  const [{ t, locale }, { region, imports }, sp] = await Promise.all([
    getTranslator(),
    pageData((api) => api.imports.masterImports()),
    searchParams,
  ]);
  const error = sp.galat && isMessageKey(sp.galat) ? t(sp.galat, { mb: FORM_BODY_LIMIT_MB }) : null;
  return (
    <div className="page">
      <h1>{t("master.title")}</h1>
      <p className="muted">{t("master.lead")}</p>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {!region ? (
        <p className="alert error" role="alert">
          <Link href="/admin/pengaturan">{t("master.noRegion")}</Link>
        </p>
      ) : (
        <section className="card" aria-labelledby="upload-title">
          <h2 id="upload-title">{t("master.upload.title")}</h2>
          <form action={uploadMasterFile} className="form">
            <fieldset>
              <legend>{t("master.upload.kind")}</legend>
              <label className="radio">
                <input type="radio" name="kind" value="UNITS" defaultChecked /> {t("master.kind.UNITS")}
              </label>
              <label className="radio">
                <input type="radio" name="kind" value="EMPLOYEES" /> {t("master.kind.EMPLOYEES")}
              </label>
            </fieldset>
            <label>
              {t("master.upload.file")}
              <input
                type="file"
                name="file"
                accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                required
                aria-describedby="upload-hint"
              />
            </label>
            <p id="upload-hint" className="muted small">
              {t("master.upload.hint")}
            </p>
            <p>
              <PendingButton>{t("master.upload.submit")}</PendingButton>
            </p>
          </form>
          <p className="muted small">{t("master.samples")}</p>
        </section>
      )}
      <h2>{t("master.history.label")}</h2>
      {imports.length === 0 ? (
        <p className="muted">{t("master.history.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("master.col.file")}</th>
                <th scope="col">{t("master.col.kind")}</th>
                <th scope="col">{t("master.col.status")}</th>
                <th scope="col">{t("master.col.when")}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link href={`/data/induk/${i.id}`}>{i.fileName}</Link>
                  </td>
                  <td>{t(`master.kind.${i.kind}`)}</td>
                  <td>{t(`master.status.${i.status}`)}</td>
                  <td>{formatDateTime(i.appliedAt ?? i.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
