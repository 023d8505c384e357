import Link from "next/link";
import { formatDateTime, formatNumber } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { backupNowForm, retryBatch, runEtlNow } from "@/features/imports/server/actions";
import { serverCaller } from "@/trpc/server";
import { UploadExports } from "@/features/imports/components/UploadExports";
import { env } from "@/env";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.imports");

function totalRows(rows: unknown): number {
  return rows && typeof rows === "object"
    ? Object.values(rows as Record<string, number>).reduce((a, b) => a + (Number(b) || 0), 0)
    : 0;
}

export default async function DataPage({ searchParams }: { searchParams: Promise<{ etl?: string }> }) {
  const session = await requireRole(rolesFor("/data"), "/data");
  const { etl } = await searchParams;
  const outcomes = ["busy", "failed", "retry", "backup-ok", "backup-failed"] as const;
  const outcome = outcomes.find((o) => o === etl) ?? (etl?.startsWith("ok-") ? "ok" : null);
  const [{ t, locale }, api] = await Promise.all([getTranslator(), serverCaller()]);
  const [runs, batches, backups] = await Promise.all([
    api.imports.runs({ limit: 10 }),
    api.imports.batches({ limit: 100 }),
    session.user.role === "ADMIN" ? api.imports.backups() : null,
  ]);
  return (
    <div className="page">
      <h1>{t("data.title")}</h1>
      <p className="muted">{t("data.lead")}</p>
      <UploadExports maxMb={env().IMPORT_MAX_MB} />
      <p className="muted small">{t("data.howto", { command: "npm run etl -- berkas.csv", inbox: ".data/inbox" })}</p>
      <form action={runEtlNow} className="inline-form">
        <button className="button small" type="submit">
          {t("data.runNow.label")}
        </button>
        <span className="muted small">{t("data.runNow.note")}</span>
      </form>
      {outcome && (
        <p
          className={outcome === "ok" || outcome === "retry" || outcome === "backup-ok" ? "alert ok" : "alert error"}
          role="status"
        >
          {t(`data.runNow.${outcome}`, { run: etl?.slice(3) ?? "" })}
        </p>
      )}

      {backups && (
        <section aria-labelledby="backups-title">
          <h2 id="backups-title">{t("data.backups.label")}</h2>
          <p className="muted small">
            {t("data.backups.lead", { root: backups.root, hours: backups.everyHours, keep: backups.keep })}
          </p>
          <form action={backupNowForm} className="inline-form">
            <button className="button small" type="submit">
              {t("data.backups.now")}
            </button>
          </form>
          {backups.backups.length === 0 ? (
            <p className="muted">{t("data.backups.empty")}</p>
          ) : (
            <ul className="plain">
              {backups.backups.map((b) => (
                <li key={b.name}>
                  <code>{b.name}</code> · {formatDateTime(b.createdAt, locale)} ·{" "}
                  {formatNumber(b.bytes / 1024 / 1024, locale, { maximumFractionDigits: 1 })} MB
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <h2>{t("data.runs.label")}</h2>
      {runs.length === 0 ? (
        <p className="muted">{t("data.runs.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("data.col.id")}</th>
                <th scope="col">{t("data.col.started")}</th>
                <th scope="col">{t("data.col.mode")}</th>
                <th scope="col">{t("data.col.trigger")}</th>
                <th scope="col">{t("data.col.status")}</th>
                <th scope="col" className="num">
                  {t("data.col.rows")}
                </th>
                <th scope="col" className="num">
                  {t("data.col.seconds")}
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>{r.id}</td>
                  <td>{formatDateTime(r.startedAt, locale)}</td>
                  <td>{t(`data.mode.${r.mode}`)}</td>
                  <td>{r.trigger}</td>
                  <td>
                    {t(`data.status.${r.status}`)}
                    {r.error && <span className="muted small block">{r.error}</span>}
                  </td>
                  <td className="num">{formatNumber(totalRows(r.rows), locale)}</td>
                  <td className="num">
                    {r.finishedAt
                      ? `${formatNumber((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000, locale)} s`
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("data.batches.label")}</h2>
      {batches.length === 0 ? (
        <p className="muted">{t("data.batches.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("data.col.file")}</th>
                <th scope="col">{t("data.col.kind")}</th>
                <th scope="col">{t("data.col.imported")}</th>
                <th scope="col">{t("data.col.status")}</th>
                <th scope="col" className="num">
                  {t("data.col.read")}
                </th>
                <th scope="col" className="num">
                  {t("data.col.loaded")}
                </th>
                <th scope="col" className="num">
                  {t("data.col.quarantined")}
                </th>
                <th scope="col" className="num">
                  {t("data.col.duplicate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td>{b.fileName}</td>
                  <td>{t(`etl.kind.${b.kind}`)}</td>
                  <td>{formatDateTime(b.createdAt, locale)}</td>
                  <td>
                    {t(`data.status.${b.status}`)}
                    {b.status === "FAILED" && (
                      <>
                        <span className="muted small block">
                          {t("data.batch.loadError")} {b.loadError}
                        </span>
                        <form action={retryBatch}>
                          <input type="hidden" name="batchId" value={b.id} />
                          <button type="submit" className="link-button">
                            {t("data.batch.retry")}
                          </button>
                        </form>
                      </>
                    )}
                  </td>
                  <td className="num">{formatNumber(b.rowsRead, locale)}</td>
                  <td className="num">{formatNumber(b.rowsLoaded, locale)}</td>
                  <td className="num">
                    {b.rowsQuarantined > 0 ? (
                      <Link href={`/data/berkas/${b.id}`}>{t("data.quarantine.view", { n: b.rowsQuarantined })}</Link>
                    ) : (
                      "0"
                    )}
                  </td>
                  <td className="num">{formatNumber(b.rowsDuplicate, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
