import Link from "next/link";
import { notFound } from "next/navigation";
import { ColumnSelect } from "@/features/imports/components/ColumnSelect";
import { PendingButton } from "@/features/imports/components/PendingButton";
import { saveUploadMapping } from "@/features/imports/server/upload-actions";
import { isMessageKey } from "@/i18n/catalog";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { pageTitle } from "@/i18n/server";
import { pageData } from "@/trpc/server";

export const generateMetadata = pageTitle("title.mapColumns");

/** Map the columns of an uploaded export Pantau did not recognise, once per header row. */
export default async function UploadMappingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ jenis?: string; galat?: string; kolom?: string }>;
}) {
  await requireRole(rolesFor("/data"), "/data");
  const [{ id }, sp, { t, locale }] = await Promise.all([params, searchParams, getTranslator()]);
  const view = await pageData((api) =>
    api.imports.uploadMapping({ id: id.slice(0, 64), kind: sp.jenis?.slice(0, 16) }),
  );
  if (!view) notFound();
  const error = sp.galat && isMessageKey(sp.galat) ? t(sp.galat, { fields: sp.kolom ?? "" }) : null;
  return (
    <div className="page">
      <p>
        <Link href="/data">← {t("data.title")}</Link>
      </p>
      <h1>{t("master.map.title")}</h1>
      <p className="muted">
        {view.upload.fileName}: {(locale === "en" ? view.upload.errorEn : view.upload.errorId) ?? ""}
      </p>
      <p className="muted">{t("upload.map.lead")}</p>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <form method="get" className="inline-form">
        <label>
          {t("upload.map.kind")}{" "}
          <select name="jenis" defaultValue={view.kind}>
            <option value="ATTENDANCE">{t("etl.kind.ATTENDANCE")}</option>
            <option value="EKINERJA">{t("etl.kind.EKINERJA")}</option>
          </select>
        </label>
        <button type="submit" className="button small secondary">
          {t("upload.map.switch")}
        </button>
      </form>
      <form action={saveUploadMapping} className="form mapping">
        <input type="hidden" name="uploadId" value={view.upload.id} />
        <input type="hidden" name="jenis" value={view.kind} />
        {view.fields.map((f) => (
          <label key={f.field}>
            <span>
              <code>{f.names[0]}</code>{" "}
              {f.required && <span className="muted small">({t("master.map.required")})</span>}
            </span>
            <ColumnSelect t={t} name={`col.${f.field}`} header={view.header} samples={view.samples} />
          </label>
        ))}
        <p>
          <PendingButton>{t("upload.map.save")}</PendingButton>
        </p>
      </form>
    </div>
  );
}
