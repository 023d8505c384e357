import Link from "next/link";
import { TimelineChart } from "@/features/compliance/components/TimelineChart";
import { followUpForm } from "@/features/compliance/server/actions";
import { defaultMonths } from "@/features/compliance/server/scope";
import { isMessageKey } from "@/i18n/catalog";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { now } from "@/server/clock";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.employeeCompliance");

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** One employee's e-Kinerja and attendance month by month, and their follow-up. A logged read. */
export default async function EmployeeCompliancePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  await requireRole(rolesFor("/kepatuhan"), `/kepatuhan/pegawai/${id}`);
  const [{ t, locale }, sp] = await Promise.all([getTranslator(), searchParams]);
  // a year back from the end of the list's period, so the streak's months are in view
  const d = defaultMonths();
  const to = sp.sampai && MONTH.test(sp.sampai) ? sp.sampai : d.to;
  const { employee, months, history } = await pageData((api) => api.compliance.employee({ id, to }));
  const totals = months.reduce(
    (a, m) => ({ due: a.due + m.due, onTime: a.onTime + m.onTime, missing: a.missing + m.missing }),
    { due: 0, onTime: 0, missing: 0 },
  );
  const back = new URLSearchParams({ dari: sp.dari && MONTH.test(sp.dari) ? sp.dari : d.from, sampai: to }).toString();
  const error = sp.galat && isMessageKey(sp.galat) ? t(sp.galat) : null;
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link href={`/kepatuhan?${back}`}>{t("compliance.title")}</Link>
      </nav>
      <h1>{employee.name}</h1>
      <dl className="facts">
        <dt>NIP</dt>
        <dd>{employee.nip}</dd>
        <dt>{t("compliance.col.unit")}</dt>
        <dd>{employee.unit.name}</dd>
        <dt>{t("compliance.position")}</dt>
        <dd>
          {employee.position} · {employee.rank}
        </dd>
        <dt>{t("compliance.summary")}</dt>
        <dd>
          {t("compliance.summaryText", {
            due: formatNumber(totals.due, locale),
            onTime: formatNumber(totals.onTime, locale),
            missing: formatNumber(totals.missing, locale),
            rate: totals.due ? formatPercent(totals.onTime / totals.due, locale) : "–",
          })}
        </dd>
      </dl>
      <TimelineChart months={months} fileName={`pantau-ekinerja-${employee.nip}`} />

      <section aria-labelledby="follow-title" className="card">
        <h2 id="follow-title">{t("compliance.followUp.label")}</h2>
        {sp.tindak && (
          <p className="alert ok" role="status">
            {t("compliance.followUpSaved")}
          </p>
        )}
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        <form action={followUpForm} className="form">
          <input type="hidden" name="employeeId" value={employee.id} />
          <input type="hidden" name="back" value={back} />
          <fieldset className="inline-radios">
            <legend>{t("compliance.followUpState")}</legend>
            <label>
              <input type="radio" name="state" value="CONTACTED" defaultChecked /> {t("compliance.followUp.CONTACTED")}
            </label>
            <label>
              <input type="radio" name="state" value="RESOLVED" /> {t("compliance.followUp.RESOLVED")}
            </label>
          </fieldset>
          <label>
            {t("compliance.note")}
            <textarea name="note" rows={3} maxLength={1000} required />
          </label>
          <button className="button" type="submit">
            {t("compliance.saveFollowUp")}
          </button>
        </form>
        {history.length > 0 && (
          <ol className="timeline">
            {history.map((f) => (
              <li key={f.id}>
                <strong>{t(`compliance.followUp.${f.state}`)}</strong>
                <span className="muted">
                  {" "}
                  · {formatDateTime(f.createdAt, locale)} · {f.actorName}
                </span>
                <p className="note">{f.note}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="muted small">{t("compliance.logged", { date: formatDate(now(), locale) })}</p>
    </div>
  );
}
