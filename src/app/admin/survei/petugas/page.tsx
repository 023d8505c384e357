import Link from "next/link";
import { formatNumber } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { isoDay } from "@/lib/domain/working-days";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { serverCaller } from "@/trpc/server";
import { todayNumber } from "@/server/clock";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.handlers");

/** HR only, opened on purpose (the read is logged): how respondents rated the requests each person handled. */
export default async function HandlersPage({
  searchParams,
}: {
  searchParams: Promise<{ dari?: string; sampai?: string }>;
}) {
  await requireRole(rolesFor("/admin/survei"), "/admin/survei/petugas");
  const [{ t, locale }, api, sp] = await Promise.all([getTranslator(), serverCaller(), searchParams]);
  const today = todayNumber();
  const from = /^\d{4}-\d{2}-\d{2}$/.test(sp.dari ?? "") ? sp.dari! : isoDay(today - 364);
  const to = /^\d{4}-\d{2}-\d{2}$/.test(sp.sampai ?? "") ? sp.sampai! : isoDay(today);
  const rows = await api.survey.handlers({ from, to });
  return (
    <div className="page">
      <p>
        <Link href="/admin/survei">← {t("survey.admin.title")}</Link>
      </p>
      <h1>{t("handlers.title")}</h1>
      <p className="muted">{t("handlers.lead")}</p>
      <form method="get" className="form grid">
        <label>
          {t("dashboard.from")}
          <input type="date" name="dari" defaultValue={from} />
        </label>
        <label>
          {t("dashboard.to")}
          <input type="date" name="sampai" defaultValue={to} />
        </label>
        <div>
          <button className="button small" type="submit">
            {t("dashboard.apply")}
          </button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="muted">{t("handlers.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("handlers.col.actor")}</th>
                <th scope="col">IKM</th>
                <th scope="col">{t("satisfaction.col.grade")}</th>
                <th scope="col">{t("satisfaction.col.respondents")}</th>
                <th scope="col">{t("satisfaction.col.weakest")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.actor}>
                  <th scope="row">{r.actor}</th>
                  <td className="num">
                    {r.ikm === null ? (
                      <span
                        title={t("ikm.insufficient.detail", {
                          n: formatNumber(r.respondents, locale),
                          min: formatNumber(r.minimum, locale),
                        })}
                      >
                        {t("ikm.insufficient.label")}
                      </span>
                    ) : (
                      formatNumber(r.ikm, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
                    )}
                  </td>
                  <td>{r.grade ? `${r.grade} (${t(`ikm.grade.${r.grade}`)})` : "—"}</td>
                  <td className="num">{formatNumber(r.respondents, locale)}</td>
                  <td>{r.weakest ? t(`satisfaction.element.${r.weakest}`) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
