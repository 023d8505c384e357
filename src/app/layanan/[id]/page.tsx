import { randomBytes } from "node:crypto";
import Link from "next/link";
import { ActionForm } from "@/features/requests/components/ActionForm";
import { fieldsFor } from "@/features/requests/forms";
import { actOnRequestForm, openSurvey } from "@/features/requests/server/actions";
import { maxUploadMb } from "@/features/requests/server/deps";
import { isMessageKey, type MessageKey } from "@/i18n/catalog";
import { formatDate, formatDateTime, formatNumber } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { isFinal } from "@/lib/domain/sla";
import { dateOfDay } from "@/lib/domain/working-days";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.request");

const newKey = () => randomBytes(18).toString("base64url");

/** One request: its status, every step with time and actor, its documents, and what the reader may do. */
export default async function RequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ dikirim?: string; tindakan?: string }>;
}) {
  const { id } = await params;
  await requireRole("any", `/layanan/${id}`);
  const [{ t, locale }, sp] = await Promise.all([getTranslator(), searchParams]);
  const detail = await pageData((api) => api.requests.detail({ id: id.slice(0, 64) }));
  const { request: r, sla, actions } = detail;
  const service = locale === "en" ? r.serviceType.nameEn : r.serviceType.nameId;
  const details = (r.details ?? {}) as Record<string, string>;
  const docName = new Map(detail.requiredDocuments.map((d) => [d.code, locale === "en" ? d.nameEn : d.nameId]));
  const docLabel = (kind: string) => (kind === "DECREE" ? t("requests.detail.decree") : (docName.get(kind) ?? kind));
  const value = (name: string, kind: string, v: string) => {
    if (kind === "date") return formatDate(new Date(`${v}T00:00:00Z`), locale, "UTC");
    const key = `requests.option.${name}.${v}`;
    return kind === "select" && isMessageKey(key) ? t(key) : v;
  };
  const isOwner = detail.parties.includes("owner");
  return (
    <div className="page narrow">
      <nav className="breadcrumb" aria-label="breadcrumb">
        {isOwner ? <Link href="/layanan">{t("nav.requests")}</Link> : <Link href="/antrian">{t("nav.queue")}</Link>}
      </nav>
      <h1>{t("requests.detail.title", { number: r.number })}</h1>
      {sp.dikirim && (
        <p className="alert ok" role="status">
          {t("requests.form.submitted", { number: r.number })}
        </p>
      )}
      {sp.tindakan && !sp.dikirim && (
        <p className="alert ok" role="status">
          {t("requests.detail.done", { status: t(`request.status.${r.status}`) })}
        </p>
      )}
      <p>
        <span className={`status status-${r.status}`} data-testid="request-status">
          {t(`request.status.${r.status}`)}
        </span>
        {sla.overdue && !isFinal(r.status) && <span className="status overdue"> {t("requests.detail.overdue")}</span>}
      </p>
      {detail.missing && (
        <div className="alert error" role="alert">
          <strong>{t("requests.detail.missing")}:</strong> {detail.missing}
          {isOwner && <p>{t("requests.detail.missingHelp")}</p>}
        </div>
      )}
      {detail.survey === "open" && (
        <form action={openSurvey} className="card survey-invite">
          <input type="hidden" name="requestId" value={r.id} />
          <p>{t("requests.detail.survey")}</p>
          <button className="button" type="submit">
            {t("requests.detail.surveyOpen")}
          </button>
        </form>
      )}
      {detail.survey === "answered" && <p className="muted">{t("requests.detail.surveyDone")}</p>}
      <dl className="facts">
        <dt>{t("requests.service")}</dt>
        <dd>{service}</dd>
        <dt>{t("requests.detail.employee")}</dt>
        <dd>
          {r.employee.name} · {r.employee.nip}
        </dd>
        <dt>{t("requests.detail.unit")}</dt>
        <dd>{r.employee.unit.name}</dd>
        <dt>{t("requests.submittedAt")}</dt>
        <dd>{formatDateTime(r.submittedAt, locale, detail.timezone)}</dd>
        <dt>{t("requests.detail.sla")}</dt>
        <dd>
          {t("requests.detail.slaText", {
            sla: r.slaDays ?? r.serviceType.slaDays,
            used: sla.used,
            deadline: formatDate(dateOfDay(sla.deadline), locale, "UTC"),
          })}
        </dd>
        {fieldsFor(r.serviceType.code)
          .filter((f) => details[f.name] && !(detail.healthPrivate && f.name === "reason"))
          .map((f) => [
            <dt key={`${f.name}-t`}>{t(`requests.field.${f.name}` as MessageKey)}</dt>,
            <dd key={`${f.name}-d`}>{value(f.name, f.kind, details[f.name]!)}</dd>,
          ])}
        {r.workingDays !== null && (
          <>
            <dt>{t("requests.detail.leaveDays")}</dt>
            <dd>{t("requests.detail.leaveDaysText", { n: r.workingDays })}</dd>
          </>
        )}
      </dl>

      {actions.length > 0 && (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{t("requests.detail.actions")}</h2>
          <div className="action-grid">
            {actions.map((a) => (
              <ActionForm
                key={`${a.action}-${a.by}`}
                action={actOnRequestForm}
                requestId={r.id}
                name={a.action}
                actionKey={newKey()}
                reason={a.reason}
                decree={a.decree}
                danger={a.action === "reject"}
                maxUploadMb={maxUploadMb()}
                documents={
                  a.action === "resubmit"
                    ? detail.requiredDocuments.map((d) => ({
                        code: d.code,
                        name: locale === "en" ? d.nameEn : d.nameId,
                        required: false,
                      }))
                    : undefined
                }
              />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t("requests.detail.steps")}</h2>
        <ol className="timeline">
          {r.events.map((e) => (
            <li key={String(e.id)}>
              <strong>{t(`request.status.${e.status}`)}</strong>
              <span className="muted">
                {" "}
                · <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, locale, detail.timezone)}</time>
                {e.actorName ? ` · ${t("requests.detail.actor", { name: e.actorName })}` : ""}
              </span>
              {e.note && <p className="note">{e.note}</p>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t("requests.detail.documents")}</h2>
        {detail.healthPrivate ? (
          <p className="muted">{t("requests.detail.healthPrivate")}</p>
        ) : r.documents.length === 0 ? (
          <p className="muted">{t("requests.detail.noDocuments")}</p>
        ) : (
          <ul className="doc-list">
            {r.documents.map((d) => (
              <li key={d.id}>
                <span>{docLabel(d.kind)}</span>{" "}
                <a href={`/api/layanan/berkas/${d.id}`} download={d.fileName}>
                  {d.fileName}
                </a>{" "}
                <span className="muted">
                  ({formatNumber(d.size / 1024, locale, { maximumFractionDigits: 0 })} KB ·{" "}
                  {formatDate(d.createdAt, locale)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
