import Link from "next/link";
import type { QueueName } from "@/features/requests/workflow";
import { formatDate, formatNumber } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { dateOfDay } from "@/lib/domain/working-days";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.queue");

/** Requests waiting for the reader, per queue, by SLA deadline; overdue ones marked. */
export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<{ antrian?: string; hal?: string }>;
}) {
  await requireRole(rolesFor("/antrian"), "/antrian");
  const [{ t, locale }, sp] = await Promise.all([getTranslator(), searchParams]);
  const page = Math.min(10_000, Math.max(1, Math.floor(Number(sp.hal)) || 1));
  const { counts, mine, current, queue } = await pageData((api) =>
    api.requests.queue({ queue: sp.antrian?.slice(0, 32), page }),
  );
  const link = (q: QueueName, page = 1) => `/antrian?antrian=${q}${page > 1 ? `&hal=${page}` : ""}`;
  return (
    <div className="page">
      <h1>{t("queue.title")}</h1>
      <p className="lead">{t("queue.lead")}</p>
      <nav className="tabs" aria-label={t("queue.title")}>
        <ul>
          {mine.map((q) => (
            <li key={q}>
              <Link href={link(q)} aria-current={q === current ? "page" : undefined}>
                {t(`queue.${q}`)} ({formatNumber(counts[q] ?? 0, locale)})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {queue && (
        <>
          <p className="muted">{t("queue.count", { n: queue.total, overdue: formatNumber(queue.overdue, locale) })}</p>
          {queue.items.length === 0 ? (
            <p className="empty-state">{t("queue.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="mini-table queue-table">
                <caption className="sr-only">{t(`queue.${current}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("requests.number")}</th>
                    <th scope="col">{t("requests.service")}</th>
                    <th scope="col">{t("queue.employee")}</th>
                    <th scope="col">{t("requests.status")}</th>
                    <th scope="col">{t("queue.deadline")}</th>
                    <th scope="col">{t("queue.left")}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.items.map((r) => (
                    <tr key={r.id} className={r.sla.overdue ? "overdue" : undefined}>
                      <td>
                        <Link href={`/layanan/${r.id}`}>{r.number}</Link>
                      </td>
                      <td>{locale === "en" ? r.serviceType.nameEn : r.serviceType.nameId}</td>
                      <td>
                        {r.employee.name}
                        <br />
                        <span className="muted">{r.employee.unit.name}</span>
                      </td>
                      <td>{t(`request.status.${r.status}`)}</td>
                      <td>{formatDate(dateOfDay(r.sla.deadline), locale, "UTC")}</td>
                      <td>
                        {r.sla.overdue ? (
                          <strong className="late">{t("queue.lateDays", { n: r.sla.daysPast })}</strong>
                        ) : (
                          t("queue.leftDays", { n: r.sla.left })
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {queue.pages > 1 && (
            <nav className="pager" aria-label={t("queue.page", { page: queue.page, pages: queue.pages })}>
              {queue.page > 1 && <Link href={link(current, queue.page - 1)}>{t("queue.prev")}</Link>}
              <span>{t("queue.page", { page: queue.page, pages: queue.pages })}</span>
              {queue.page < queue.pages && <Link href={link(current, queue.page + 1)}>{t("queue.next")}</Link>}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
