import { randomBytes } from "node:crypto";
import Link from "next/link";
import { RequestForm } from "@/features/requests/components/RequestForm";
import { documentsOf, fieldsFor } from "@/features/requests/forms";
import { submitRequestForm } from "@/features/requests/server/actions";
import { maxUploadMb } from "@/features/requests/server/deps";
import { leaveBalance } from "@/features/requests/server/leave";
import { regionYear } from "@/server/calendar";
import { employeeOf } from "@/features/requests/server/queries";
import { formatNumber } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { isoDay } from "@/lib/domain/working-days";
import { dayOfDate } from "@/lib/domain/working-days";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { getDb } from "@/server/db";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.requestNew");

/** Choose a service, then its form. */
export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ layanan?: string }> }) {
  const session = await requireRole(rolesFor("/layanan"), "/layanan/ajukan");
  const [{ t, locale }, db, sp] = await Promise.all([getTranslator(), getDb(), searchParams]);
  const employee = await employeeOf(db, session.user.id);
  if (!employee) {
    return (
      <div className="page narrow">
        <h1>{t("requests.choose.title")}</h1>
        <p className="alert">{t("requests.noEmployee")}</p>
      </div>
    );
  }
  const services = await db.serviceType.findMany({
    where: { regionId: employee.regionId, active: true },
    orderBy: { nameId: "asc" },
  });
  const service = services.find((s) => s.code === sp.layanan);
  const name = (s: (typeof services)[number]) => (locale === "en" ? s.nameEn : s.nameId);
  if (!service) {
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
  const year = await regionYear(db, employee.regionId);
  const [holidays, balance] = await Promise.all([
    db.holiday.findMany({
      where: {
        regionId: employee.regionId,
        date: { gte: new Date(`${year}-01-01`), lte: new Date(`${year + 1}-12-31`) },
      },
      select: { date: true },
    }),
    service.code === "CUTI" ? leaveBalance(db, employee.id, year) : null,
  ]);
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
            remaining: formatNumber(balance.remaining),
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
        holidays={holidays.map((h) => isoDay(dayOfDate(h.date)))}
        maxUploadMb={maxUploadMb()}
      />
    </div>
  );
}
