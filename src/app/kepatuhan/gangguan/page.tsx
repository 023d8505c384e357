import Link from "next/link";
import { OutageForm } from "@/features/compliance/components/OutageForm";
import { removeOutageForm } from "@/features/compliance/server/outage-actions";
import { formatDate, formatDateTime } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { requireRole } from "@/server/auth";
import { today } from "@/server/clock";
import { pageData } from "@/trpc/server";
import "@/features/setup/setup.css";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.outages");

/** Outages HR records (e-Kinerja or the network down, SIMPEG data errors): not skipping, so not counted as such. */
export default async function OutagesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireRole(["ADMIN", "HR"], "/kepatuhan/gangguan");
  const [{ t, locale }, sp, overview] = await Promise.all([
    getTranslator(),
    searchParams,
    pageData((api) => api.compliance.outages()),
  ]);
  const { outages, units } = overview ?? { outages: [], units: [] };
  const day = (d: string) => formatDate(d, locale, "UTC");
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link href="/kepatuhan">{t("compliance.title")}</Link>
      </nav>
      <h1>{t("compliance.outage.title")}</h1>
      <p className="lead">{t("compliance.outage.lead")}</p>
      <div aria-live="polite">
        {sp.tersimpan && (
          <p className="alert ok" role="status">
            {t("compliance.outage.saved")}
          </p>
        )}
        {sp.dihapus && (
          <p className="alert ok" role="status">
            {t("compliance.outage.removed")}
          </p>
        )}
        {sp.galat && (
          <p className="alert error" role="alert">
            {t("compliance.outage.error.gone")}
          </p>
        )}
      </div>
      {!overview ? (
        <p className="alert error">{t("setup.region.missing")}</p>
      ) : (
        <>
          <h2>{t("compliance.outage.add")}</h2>
          <OutageForm units={units} today={today(overview.timezone)} />
          <h2>{t("compliance.outage.list")}</h2>
          {outages.length === 0 ? (
            <p className="muted">{t("compliance.outage.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t("compliance.outage.list")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("compliance.outage.when")}</th>
                    <th scope="col">{t("compliance.outage.kind.label")}</th>
                    <th scope="col">{t("compliance.outage.effect.label")}</th>
                    <th scope="col">{t("compliance.outage.scope.label")}</th>
                    <th scope="col">{t("compliance.outage.note")}</th>
                    <th scope="col">{t("compliance.outage.state")}</th>
                  </tr>
                </thead>
                <tbody>
                  {outages.map((o) => (
                    <tr key={o.id} className={o.removedAt ? "muted" : undefined}>
                      <td>
                        {o.startsOn === o.endsOn
                          ? day(o.startsOn)
                          : t("compliance.outage.span", { from: day(o.startsOn), to: day(o.endsOn) })}
                      </td>
                      <td>{t(`compliance.outage.kind.${o.kind}`)}</td>
                      <td>{t(`compliance.outage.effect.${o.effect}`)}</td>
                      <td>{o.units.length ? o.units.join(", ") : t("compliance.outage.scope.region")}</td>
                      <td>{o.note}</td>
                      <td>
                        {o.removedAt ? (
                          t("compliance.outage.removedAt", { at: formatDateTime(o.removedAt, locale) })
                        ) : (
                          <form action={removeOutageForm}>
                            <input type="hidden" name="id" value={o.id} />
                            <button
                              type="submit"
                              className="button secondary small"
                              aria-label={t("compliance.outage.removeLabel", { from: day(o.startsOn), note: o.note })}
                            >
                              {t("compliance.outage.remove")}
                            </button>
                          </form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
