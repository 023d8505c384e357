import Link from "next/link";
import { markNotificationsRead } from "@/features/requests/server/actions";
import { notificationText, type NotificationParams } from "@/features/requests/server/notify";
import { formatDateTime } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.notifications");

export default async function NotificationsPage() {
  await requireRole(rolesFor("/notifikasi"), "/notifikasi");
  const [{ t, locale }, items] = await Promise.all([getTranslator(), pageData((api) => api.requests.notifications())]);
  const unread = items.some((n) => !n.readAt);
  return (
    <div className="page narrow">
      <h1>{t("notify.title")}</h1>
      {unread && (
        <form action={markNotificationsRead} className="inline-form">
          <button className="button small secondary" type="submit">
            {t("notify.markRead")}
          </button>
        </form>
      )}
      {items.length === 0 ? (
        <p className="empty-state">{t("notify.empty")}</p>
      ) : (
        <ul className="notification-list">
          {items.map((n) => {
            const { body } = notificationText(locale, n.status, n.params as unknown as NotificationParams);
            return (
              <li key={n.id} className={n.readAt ? undefined : "unread"}>
                {!n.readAt && <span className="role-badge">{t("notify.new")}</span>}{" "}
                {n.requestId ? <Link href={`/layanan/${n.requestId}`}>{body}</Link> : body}
                <p className="muted">{formatDateTime(n.createdAt, locale)}</p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
