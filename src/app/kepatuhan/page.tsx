import Link from "next/link";
import { lastEntryInstant } from "@/features/compliance/server/queries";
import { filterFromSearch, searchOf, type Search } from "@/features/compliance/server/scope";
import { saveDeadlines } from "@/features/compliance/server/actions";
import { SORTS } from "@/features/compliance/schemas";
import { isMessageKey } from "@/i18n/catalog";
import { formatDate, formatNumber, formatPercent } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.compliance");

/** Employees who skip e-Kinerja entries, for HR (all units) and unit heads (their units). */
export default async function CompliancePage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole(rolesFor("/kepatuhan"), "/kepatuhan");
  const [{ t, locale }, sp] = await Promise.all([getTranslator(), searchParams]);
  const asked = filterFromSearch(sp);
  const { filter, unitId, outOfScope, isHr, units, list, region, missingFromExport, follow } = await pageData((api) =>
    api.compliance.list(asked.filter),
  );
  const problems = asked.problems;
  const query = searchOf(filter, 1);
  const pageLink = (p: number) => `/kepatuhan?${searchOf(filter, p)}`;
  const pct = (v: number | null) => (v === null ? "–" : formatPercent(v, locale));
  return (
    <div className="page">
      <h1>{t("compliance.title")}</h1>
      <p className="lead">{t("compliance.lead")}</p>
      <p className="inline-form">
        <Link className="button small secondary" href="/kepatuhan/disiplin">
          {t("discipline.open")}
        </Link>
        <Link className="button small secondary" href="/dasbor/ekinerja">
          {t("compliance.ranking")}
        </Link>
        {isHr && (
          <Link className="button small secondary" href="/kepatuhan/gangguan">
            {t("compliance.outage.link")}
          </Link>
        )}
      </p>
      {sp.galat === "compliance.error.deadline" && (
        <p className="alert error" role="alert">
          {t("compliance.error.deadline")}
        </p>
      )}
      {outOfScope && (
        <p className="alert warn" role="alert" data-testid="out-of-scope">
          {t("scope.outside", { unit: units.find((u) => u.id === unitId)?.name ?? "" })}
        </p>
      )}
      {problems.length > 0 && (
        <p className="alert error" role="alert">
          {problems.map((p) => (isMessageKey(p) ? t(p) : p)).join(" ")}
        </p>
      )}
      <form className="form grid filters-form" method="get" action="/kepatuhan" aria-label={t("compliance.filter")}>
        <label>
          {t("compliance.from")}
          <input type="month" name="dari" defaultValue={filter.from} required />
        </label>
        <label>
          {t("compliance.to")}
          <input type="month" name="sampai" defaultValue={filter.to} required />
        </label>
        <label>
          {t("compliance.kind.label")}
          <select name="jenis" defaultValue={filter.kind}>
            <option value="monthly">{t("compliance.kind.monthly")}</option>
            <option value="daily">{t("compliance.kind.daily")}</option>
          </select>
        </label>
        <label>
          {t("compliance.unit")}
          <select name="unit" defaultValue={filter.unitId}>
            {isHr && <option value="">{t("compliance.allUnits")}</option>}
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("compliance.maxFill")}
          <input type="number" name="maks" min={0} max={100} step={1} defaultValue={filter.maxFill} />
        </label>
        <label>
          {t("compliance.search")}
          <input type="search" name="cari" defaultValue={filter.q} placeholder={t("compliance.searchHint")} />
        </label>
        <label>
          {t("compliance.sort.label")}
          <select name="urut" defaultValue={filter.sort}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`compliance.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="semua" value="1" defaultChecked={!filter.missingOnly} />{" "}
          {t("compliance.everyone")}
        </label>
        <button className="button" type="submit">
          {t("compliance.apply")}
        </button>
      </form>

      <p className="muted" role="status">
        {t("compliance.count", { n: list.total })}{" "}
        <a href={`/api/ekspor/kepatuhan?${query}&format=csv`}>{t("compliance.csv")}</a> ·{" "}
        <a href={`/api/ekspor/kepatuhan?${query}&format=xlsx`}>{t("compliance.xlsx")}</a>
      </p>
      {list.rows.length === 0 ? (
        <p className="empty-state">{t("compliance.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="mini-table compliance-table">
            <caption className="sr-only">{t("compliance.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("compliance.col.name")}</th>
                <th scope="col">{t("compliance.col.unit")}</th>
                <th scope="col">{t("compliance.col.due")}</th>
                <th scope="col">{t("compliance.col.onTime")}</th>
                <th scope="col">{t("compliance.col.late")}</th>
                <th scope="col">{t("compliance.col.missing")}</th>
                <th scope="col">{t("compliance.col.fill")}</th>
                <th scope="col">{t("compliance.col.streak")}</th>
                <th scope="col">{t("compliance.col.last")}</th>
                <th scope="col">{t("compliance.col.followUp")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => {
                const f = follow.get(r.employeeId);
                return (
                  <tr key={r.employeeId}>
                    <td>
                      <Link href={`/kepatuhan/pegawai/${r.employeeId}?dari=${filter.from}&sampai=${filter.to}`}>
                        {r.name}
                      </Link>
                      <br />
                      <span className="muted small">{r.nip}</span>
                    </td>
                    <td>{r.unitName}</td>
                    <td className="num">
                      {formatNumber(r.due, locale)}
                      {r.excused > 0 && (
                        <span className="muted small"> {t("compliance.excused", { n: r.excused })}</span>
                      )}
                    </td>
                    <td className="num">{formatNumber(r.onTime, locale)}</td>
                    <td className="num">{formatNumber(r.late, locale)}</td>
                    <td className="num">{formatNumber(r.missing, locale)}</td>
                    <td className="num">{pct(r.fillRate)}</td>
                    <td className="num">
                      {r.streak > 0 ? <strong className="late">{formatNumber(r.streak, locale)}</strong> : "0"}
                    </td>
                    <td>{r.lastEntry ? formatDate(lastEntryInstant(r.lastEntry), locale) : t("compliance.never")}</td>
                    <td>
                      {f ? (
                        <span className={`status follow-${f.state}`}>{t(`compliance.followUp.${f.state}`)}</span>
                      ) : (
                        <span className="muted">–</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {missingFromExport.total > 0 && (
        <section aria-labelledby="not-in-export" className="card">
          <h2 id="not-in-export">{t("compliance.notInExport.title")}</h2>
          <p>{t("compliance.notInExport.lead", { n: missingFromExport.total })}</p>
          <ul>
            {missingFromExport.rows.map((r) => (
              <li key={r.employeeId}>
                {r.name} <span className="muted small">{r.nip}</span> · {r.unitName}
              </li>
            ))}
          </ul>
          {missingFromExport.total > missingFromExport.rows.length && (
            <p className="muted">
              {t("compliance.notInExport.more", { n: missingFromExport.total - missingFromExport.rows.length })}
            </p>
          )}
        </section>
      )}
      {list.pages > 1 && (
        <nav className="pager" aria-label={t("queue.page", { page: list.page, pages: list.pages })}>
          {list.page > 1 && <Link href={pageLink(list.page - 1)}>{t("queue.prev")}</Link>}
          <span>
            {t("queue.page", { page: formatNumber(list.page, locale), pages: formatNumber(list.pages, locale) })}
          </span>
          {list.page < list.pages && <Link href={pageLink(list.page + 1)}>{t("queue.next")}</Link>}
        </nav>
      )}

      {region && (
        <section aria-labelledby="deadlines-title" className="card">
          <h2 id="deadlines-title">{t("compliance.deadlines")}</h2>
          <p className="muted">{t("compliance.deadlinesLead")}</p>
          <form action={saveDeadlines} className="form grid">
            <input type="hidden" name="regionId" value={region.id} />
            <label>
              {t("compliance.deadlineDay")}
              <input
                type="number"
                name="deadlineDay"
                min={1}
                max={28}
                defaultValue={region.ekinerjaDeadlineDay}
                required
              />
            </label>
            <label>
              {t("compliance.graceDays")}
              <input type="number" name="graceDays" min={0} max={10} defaultValue={region.dailyLogGraceDays} required />
            </label>
            <button className="button small" type="submit">
              {t("compliance.saveDeadlines")}
            </button>
          </form>
          {sp.tersimpan && (
            <p className="alert ok" role="status">
              {t("compliance.deadlinesSaved")}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
