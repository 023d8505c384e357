import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { serverCaller } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.quarantine");

export default async function QuarantinePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ hal?: string }>;
}) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  await requireRole(rolesFor("/data"), `/data/berkas/${id}`);
  const batchId = Number(id);
  const page = Math.max(0, Number(sp.hal ?? 0) || 0);
  if (!Number.isInteger(batchId) || batchId <= 0) notFound();
  const [{ t, locale }, api] = await Promise.all([getTranslator(), serverCaller()]);
  const data = await api.imports.quarantine({ batchId, page }).catch((err: { code?: string }) => {
    if (err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const more = data.rows.length === data.pageSize;
  return (
    <div className="page">
      <p>
        <Link href="/data">← {t("data.quarantine.back")}</Link>
      </p>
      <h1>{t("data.quarantine.title", { file: data.batch.fileName })}</h1>
      <p className="muted">{t("data.quarantine.note")}</p>
      {data.rows.length === 0 ? (
        <p className="muted">{t("data.quarantine.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("data.col.line")}
                </th>
                <th scope="col">{t("data.col.field")}</th>
                <th scope="col">{t("data.col.reason")}</th>
                <th scope="col">{t("data.col.raw")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.line}>
                  <td className="num">{r.line}</td>
                  <td>{r.field ?? "—"}</td>
                  <td>{locale === "en" ? r.reasonEn : r.reasonId}</td>
                  <td>
                    <code>{r.raw}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="pagination" className="pager">
        {page > 0 && <Link href={`/data/berkas/${batchId}?hal=${page - 1}`}>{t("data.page.prev")}</Link>}{" "}
        {more && <Link href={`/data/berkas/${batchId}?hal=${page + 1}`}>{t("data.page.next")}</Link>}
      </nav>
    </div>
  );
}
