import Link from "next/link";
import { formatDate, formatDateTime, formatNumber } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.myRequests");

/** An employee's requests with their status, and the annual leave left. */
export default async function MyRequestsPage() {
  await requireRole(rolesFor("/layanan"), "/layanan");
  const [{ t, locale }, mine] = await Promise.all([getTranslator(), pageData((api) => api.requests.mine())]);
  if (!mine) {
    return (
      <div className="page narrow">
        <h1>{t("requests.title")}</h1>
        <p className="alert">{t("requests.noEmployee")}</p>
      </div>
    );
  }
  const { year, requests, balance } = mine;
  return (
    <div className="page">
      <h1>{t("requests.title")}</h1>
      <p className="lead">{t("requests.lead")}</p>
      <p className="inline-form">
        <Link className="button" href="/layanan/ajukan">
          {t("requests.new")}
        </Link>
      </p>
      <section className="card" aria-labelledby="balance-title">
        <h2 id="balance-title">{t("requests.balance.title", { year })}</h2>
        <p data-testid="leave-balance">
          {t("requests.balance.text", {
            remaining: formatNumber(balance.remaining, locale),
            entitled: balance.entitled,
            taken: balance.taken,
            pending: balance.pending,
          })}
        </p>
      </section>
      {requests.length === 0 ? (
        <p className="empty-state">{t("requests.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="mini-table requests-table">
            <caption className="sr-only">{t("requests.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("requests.number")}</th>
                <th scope="col">{t("requests.service")}</th>
                <th scope="col">{t("requests.status")}</th>
                <th scope="col">{t("requests.submittedAt")}</th>
                <th scope="col">{t("requests.updatedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/layanan/${r.id}`}>{r.number}</Link>
                  </td>
                  <td>
                    {locale === "en" ? r.serviceType.nameEn : r.serviceType.nameId}
                    {r.startsOn && r.endsOn
                      ? ` · ${formatDate(r.startsOn, locale, "UTC")}–${formatDate(r.endsOn, locale, "UTC")}`
                      : ""}
                  </td>
                  <td>
                    <span className={`status status-${r.status}`}>{t(`request.status.${r.status}`)}</span>
                  </td>
                  <td>{formatDate(r.submittedAt, locale)}</td>
                  <td>{formatDateTime(r.updatedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
