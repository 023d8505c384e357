import { randomBytes } from "node:crypto";
import Link from "next/link";
import { RequestForm } from "@/features/requests/components/RequestForm";
import { documentsOf, fieldsFor } from "@/features/requests/forms";
import { submitRequestForm } from "@/features/requests/server/actions";
import { maxUploadMb } from "@/features/requests/server/deps";
import { formatNumber } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.requestNew");

/** Choose a service, then its form. */
export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ layanan?: string }> }) {
  await requireRole(rolesFor("/layanan"), "/layanan/ajukan");
  const [{ t, locale }, sp] = await Promise.all([getTranslator(), searchParams]);
  const data = await pageData((api) => api.requests.newRequest({ service: sp.layanan?.slice(0, 64) }));
  if (!data) {
    return (
      <div className="page narrow">
        <h1>{t("requests.choose.title")}</h1>
        <p className="alert">{t("requests.noEmployee")}</p>
      </div>
    );
  }
  const { services } = data;
  const name = (s: (typeof services)[number]) => (locale === "en" ? s.nameEn : s.nameId);
  if (!data.service) {
    return (
      <div className="page narrow">
        <nav className="breadcrumb" aria-label="breadcrumb">
          <Link href="/layanan">{t("nav.requests")}</Link>
        </nav>
        <h1>{t("requests.choose.title")}</h1>
        <p className="lead">{t("requests.choose.lead")}</p>
        <ul className="service-list">
          {services.map((s) => (
            <li key={s.id}>
              <Link className="card service-choice" href={`/layanan/ajukan?layanan=${encodeURIComponent(s.code)}`}>
                <strong>{name(s)}</strong>
                <span className="muted">{t("requests.choose.sla", { days: s.slaDays })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const {
    service,
    form: { year, holidays, balance },
  } = data;
  const docs = documentsOf(service.documents).map((d) => ({
    code: d.code,
    name: locale === "en" ? d.nameEn : d.nameId,
    required: d.required,
  }));
  return (
    <div className="page narrow">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link href="/layanan">{t("nav.requests")}</Link> ›{" "}
        <Link href="/layanan/ajukan">{t("requests.choose.title")}</Link>
      </nav>
      <h1>{t("requests.form.title", { service: name(service) })}</h1>
      <p className="lead">{t("requests.form.lead", { max: maxUploadMb() })}</p>
      <p className="muted">{t("requests.choose.sla", { days: service.slaDays })}</p>
      {balance && (
        <p className="alert" data-testid="leave-balance">
          {t("requests.balance.title", { year })}:{" "}
          {t("requests.balance.text", {
            remaining: formatNumber(balance.remaining, locale),
            entitled: balance.entitled,
            taken: balance.taken,
            pending: balance.pending,
          })}
        </p>
      )}
      <RequestForm
        action={submitRequestForm}
        serviceTypeId={service.id}
        serviceCode={service.code}
        fields={fieldsFor(service.code)}
        documents={docs}
        actionKey={randomBytes(18).toString("base64url")}
        holidays={holidays}
        maxUploadMb={maxUploadMb()}
      />
    </div>
  );
}
