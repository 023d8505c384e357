import Link from "next/link";
import { saveThreshold } from "@/features/compliance/server/actions";
import { isMessageKey } from "@/i18n/catalog";
import { formatNumber } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.discipline");

/** Who reached, or is one day from, a PP 94/2021 threshold for unexcused absence (TK) this year. */
export default async function DisciplinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireRole(rolesFor("/kepatuhan"), "/kepatuhan/disiplin");
  const [{ t, locale }, sp] = await Promise.all([getTranslator(), searchParams]);
  const { ownUnit, year, thisYear, rows, thresholds, isHr } = await pageData((api) =>
    api.compliance.discipline({ unitId: sp.unit ?? "", year: sp.tahun }),
  );
  const label = (th: { labelId: string; labelEn: string } | null) =>
    th ? (locale === "en" ? th.labelEn : th.labelId) : "–";
  const error = sp.galat && isMessageKey(sp.galat) ? t(sp.galat) : null;
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link href="/kepatuhan">{t("compliance.title")}</Link>
      </nav>
      <h1>{t("discipline.title")}</h1>
      <p className="lead">{t("discipline.lead")}</p>
      {ownUnit && (
        <p className="alert warn" role="alert" data-testid="out-of-scope">
          {t("scope.outside", { unit: ownUnit.name })}
        </p>
      )}
      <form method="get" className="inline-form">
        <label>
          {t("discipline.year")}{" "}
          <select name="tahun" defaultValue={String(year)}>
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button className="button small" type="submit">
          {t("compliance.apply")}
        </button>
      </form>
      <p className="muted" role="status">
        {t("discipline.count", { n: rows.length, year })}
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">{t("discipline.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="mini-table compliance-table">
            <caption className="sr-only">{t("discipline.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("compliance.col.name")}</th>
                <th scope="col">{t("compliance.col.unit")}</th>
                <th scope="col">{t("discipline.tk")}</th>
                <th scope="col">{t("discipline.converted")}</th>
                <th scope="col">{t("discipline.total")}</th>
                <th scope="col">{t("discipline.run")}</th>
                <th scope="col">{t("discipline.reached")}</th>
                <th scope="col">{t("discipline.next")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.employeeId}>
                  <td>
                    <Link href={`/kepatuhan/pegawai/${r.employeeId}`}>{r.name}</Link>
                    <br />
                    <span className="muted small">{r.nip}</span>
                  </td>
                  <td>{r.unitName}</td>
                  <td className="num">{formatNumber(r.tkDays, locale)}</td>
                  <td className="num">
                    {formatNumber(r.convertedDays, locale)}
                    {r.shortMinutes > 0 && (
                      <>
                        <br />
                        <span className="muted small">
                          {t("discipline.convertedHours", { hours: formatNumber(r.shortMinutes / 60, locale) })}
                        </span>
                      </>
                    )}
                  </td>
                  <td className="num">{formatNumber(r.total, locale)}</td>
                  <td className="num">{formatNumber(r.longestRun, locale)}</td>
                  <td>
                    {r.reachedConsecutive && <strong className="late">{label(r.reachedConsecutive)}</strong>}
                    {r.reachedConsecutive && r.reached && <br />}
                    {r.reached ? label(r.reached) : !r.reachedConsecutive && "–"}
                  </td>
                  <td>
                    {r.next ? t("discipline.nextText", { label: label(r.next.threshold), n: r.next.daysLeft }) : "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="thresholds-title" className="card">
        <h2 id="thresholds-title">{t("discipline.thresholds")}</h2>
        <p className="muted">{t("discipline.thresholdsLead")}</p>
        {sp.tersimpan && (
          <p className="alert ok" role="status">
            {t("discipline.saved")}
          </p>
        )}
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        <ul className="threshold-list">
          {thresholds.map((th) => (
            <li key={th.code}>
              {isHr ? (
                <form action={saveThreshold} className="inline-form">
                  <input type="hidden" name="code" value={th.code} />
                  <label>
                    <span>{label(th)}</span>{" "}
                    <input
                      type="number"
                      name="minDays"
                      min={1}
                      max={366}
                      defaultValue={th.minDays}
                      aria-describedby={`th-${th.code}`}
                      className="days-input"
                    />
                  </label>{" "}
                  <span id={`th-${th.code}`} className="muted">
                    {t(th.consecutive ? "discipline.daysConsecutive" : "discipline.daysCumulative")}
                  </span>{" "}
                  <button className="button small secondary" type="submit">
                    {t("discipline.save")}
                  </button>
                </form>
              ) : (
                <span>
                  {label(th)}: {formatNumber(th.minDays, locale)}{" "}
                  {t(th.consecutive ? "discipline.daysConsecutive" : "discipline.daysCumulative")}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
