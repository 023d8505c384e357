import Link from "next/link";
import { isMessageKey } from "@/i18n/catalog";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import {
  createServicePoint,
  createSurveyPeriod,
  issueInviteLink,
  setServicePointActive,
} from "@/features/survey/server/admin";
import { formatDate } from "@/i18n/format";
import { saveElementWording } from "@/features/survey/server/wording";
import { publicBaseUrl, qrSvg, surveyUrl } from "@/features/survey/server/qr";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.surveyAdmin");

/** Service points with their survey links and QR codes, a form for a new one, and the export. */
export default async function SurveyAdminPage({
  searchParams,
}: {
  searchParams: Promise<{
    galat?: string;
    kolom?: string;
    dibuat?: string;
    tersimpan?: string;
    undangan?: string;
    galatUndangan?: string;
    nomor?: string;
    galatPeriode?: string;
  }>;
}) {
  await requireRole(rolesFor("/admin/survei"), "/admin/survei");
  const [{ t, locale }, sp, base, { points, units, services, periods, wording }] = await Promise.all([
    getTranslator(),
    searchParams,
    publicBaseUrl(),
    pageData((api) => api.survey.admin()),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const serviceName = new Map(services.map((s) => [s.id, locale === "en" ? s.nameEn : s.nameId]));
  const qrs = await Promise.all(points.map((p) => qrSvg(surveyUrl(base, p.code, "qr"))));
  const error = sp.galat && isMessageKey(sp.galat) ? t(sp.galat) : null;
  const inviteQr = sp.undangan ? await qrSvg(`${base}/survei/undangan/${sp.undangan}`) : null;
  return (
    <div className="page">
      <h1>{t("survey.admin.title")}</h1>
      <p className="muted">{t("survey.admin.lead")}</p>
      <p className="inline-form">
        <a className="button small secondary" href="/api/ekspor/survei">
          {t("survey.admin.export")}
        </a>
        <Link className="button small secondary" href="/admin/survei/petugas">
          {t("handlers.open")}
        </Link>
      </p>
      {sp.dibuat && (
        <p className="alert ok" role="status">
          {t("survey.admin.created", { code: sp.dibuat })}
        </p>
      )}
      <h2>{t("survey.admin.points")}</h2>
      <ul className="points">
        {points.map((p, i) => (
          <li key={p.id} className="card point" data-testid={`point-${p.code}`}>
            <div
              className="point-qr"
              role="img"
              aria-label={t("survey.admin.qrOf", { name: p.name })}
              dangerouslySetInnerHTML={{ __html: qrs[i]! }}
            />
            <div>
              <h3>{p.name}</h3>
              <p className="muted">
                {unitName.get(p.unitId)} ·{" "}
                {p.serviceTypeId ? serviceName.get(p.serviceTypeId) : t("survey.admin.anyService")}
              </p>
              <p>
                <a href={surveyUrl(base, p.code)}>{surveyUrl(base, p.code)}</a>
              </p>
              <p className="muted">
                {t("survey.admin.answered", { n: p.answered })}
                {p.population ? ` · ${t("survey.admin.population", { n: p.population })}` : ""}
                {p.active ? "" : ` · ${t("survey.admin.inactive")}`}
              </p>
              <div className="inline-form">
                <Link className="button small" href={`/admin/survei/${p.id}/qr`}>
                  {t("survey.admin.print")}
                </Link>
                <form action={setServicePointActive}>
                  <input type="hidden" name="id" value={p.id} />
                  <input type="hidden" name="active" value={p.active ? "0" : "1"} />
                  <button className="button small secondary" type="submit">
                    {t(p.active ? "survey.admin.deactivate" : "survey.admin.activate")}
                  </button>
                </form>
              </div>
            </div>
          </li>
        ))}
      </ul>

      <h2 id="new-point">{t("survey.admin.new")}</h2>
      <form action={createServicePoint} className="form grid" aria-labelledby="new-point">
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        <label>
          {t("survey.admin.code.label")}
          <input
            name="code"
            required
            pattern="[a-z0-9][a-z0-9\-]{2,39}"
            aria-invalid={sp.kolom === "code"}
            aria-describedby="code-hint"
          />
          <span className="muted small" id="code-hint">
            {t("survey.admin.code.hint")}
          </span>
        </label>
        <label>
          {t("survey.admin.name")}
          <input name="name" required minLength={3} maxLength={120} aria-invalid={sp.kolom === "name"} />
        </label>
        <label>
          {t("dashboard.unit.label")}
          <select name="unitId" required aria-invalid={sp.kolom === "unitId"}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("dashboard.service.label")}
          <select name="serviceTypeId">
            <option value="">{t("survey.admin.anyService")}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {serviceName.get(s.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("survey.admin.populationLabel")}
          <input name="population" inputMode="numeric" aria-invalid={sp.kolom === "population"} />
        </label>
        <div>
          <button className="button" type="submit">
            {t("survey.admin.create")}
          </button>
        </div>
      </form>

      <h2 id="periods">{t("survey.period.title")}</h2>
      <p className="muted">{t("survey.period.lead")}</p>
      {periods.length > 0 && (
        <ul>
          {periods.map((p) => {
            const from = p.startsOn.toISOString().slice(0, 10);
            const to = p.endsOn.toISOString().slice(0, 10);
            return (
              <li key={p.id}>
                <Link href={`/dasbor/kepuasan?periode=rentang&dari=${from}&sampai=${to}`}>{p.name}</Link>{" "}
                <span className="muted">
                  {formatDate(from, locale, "UTC")} – {formatDate(to, locale, "UTC")}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <form action={createSurveyPeriod} className="form grid" aria-labelledby="periods">
        {sp.galatPeriode && isMessageKey(sp.galatPeriode) && (
          <p className="alert error" role="alert">
            {t(sp.galatPeriode)}
          </p>
        )}
        <label>
          {t("survey.admin.name")}
          <input name="name" required minLength={3} maxLength={80} placeholder={t("survey.period.example")} />
        </label>
        <label>
          {t("dashboard.from")}
          <input type="date" name="startsOn" required />
        </label>
        <label>
          {t("dashboard.to")}
          <input type="date" name="endsOn" required />
        </label>
        <div>
          <button className="button small" type="submit">
            {t("survey.period.create")}
          </button>
        </div>
      </form>

      <h2 id="invite">{t("survey.invite.title")}</h2>
      <p className="muted">{t("survey.invite.lead")}</p>
      <form action={issueInviteLink} className="inline-form">
        <label className="inline-label">
          {t("survey.invite.number")} <input name="number" required defaultValue={sp.nomor ?? ""} className="code" />
        </label>
        <button className="button small" type="submit">
          {t("survey.invite.issue")}
        </button>
      </form>
      {sp.galatUndangan && isMessageKey(sp.galatUndangan) && (
        <p className="alert error" role="alert">
          {t(sp.galatUndangan)}
        </p>
      )}
      {sp.undangan && (
        <div className="card point" role="status" data-testid="invite">
          <div
            className="point-qr"
            role="img"
            aria-label={t("survey.admin.qrOf", { name: sp.nomor ?? "" })}
            dangerouslySetInnerHTML={{ __html: inviteQr ?? "" }}
          />
          <div>
            <p>{t("survey.invite.issued", { number: sp.nomor ?? "" })}</p>
            <p>
              <a href={`${base}/survei/undangan/${sp.undangan}`}>{`${base}/survei/undangan/${sp.undangan}`}</a>
            </p>
          </div>
        </div>
      )}

      <h2 id="wording">{t("survey.admin.wording.label")}</h2>
      <p className="muted">{t("survey.admin.wording.lead")}</p>
      {sp.tersimpan && (
        <p className="alert ok" role="status">
          {t("survey.admin.wording.saved", { code: sp.tersimpan })}
        </p>
      )}
      {wording.map((w) => (
        <details key={w.code} className="card wording">
          <summary>
            <b>{w.code}</b> {locale === "en" ? w.questionEn : w.questionId}
          </summary>
          <form action={saveElementWording} className="form grid">
            <input type="hidden" name="code" value={w.code} />
            <label>
              {t("survey.admin.wording.questionId")}
              <textarea name="questionId" defaultValue={w.questionId} rows={2} required />
            </label>
            <label>
              {t("survey.admin.wording.questionEn")}
              <textarea name="questionEn" defaultValue={w.questionEn} rows={2} required />
            </label>
            {[0, 1, 2, 3].map((i) => (
              <div key={i} className="field">
                <span>{t("survey.admin.wording.option", { n: i + 1 })}</span>
                <input
                  name={`optionId${i + 1}`}
                  defaultValue={w.optionsId[i]}
                  aria-label={`${t("survey.admin.wording.option", { n: i + 1 })} (ID)`}
                  required
                />
                <input
                  name={`optionEn${i + 1}`}
                  defaultValue={w.optionsEn[i]}
                  aria-label={`${t("survey.admin.wording.option", { n: i + 1 })} (EN)`}
                  required
                />
              </div>
            ))}
            <div>
              <button className="button small" type="submit">
                {t("survey.admin.wording.save", { code: w.code })}
              </button>
            </div>
          </form>
        </details>
      ))}
    </div>
  );
}
