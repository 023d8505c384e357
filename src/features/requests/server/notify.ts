// Tells an employee when their request changes status: a notification in the app (in the same
// transaction as the change) and, when SMTP is configured, an e-mail sent after the change is stored.
// A failed e-mail is recorded on the notification; it never undoes or blocks the change.
import type { RequestStatus } from "@/generated/prisma/enums";
import { translator, type Locale } from "@/i18n/catalog";
import type { Db } from "@/server/db/client";
import type { Mailer } from "@/server/mail";

type Tx = Pick<Db, "notification" | "user">;

export interface NotificationParams {
  number: string;
  serviceId: string;
  serviceEn: string;
  note?: string | null;
}

/** Creates a notification for every account of the request's employee; returns their ids. */
export async function notifyOwner(
  tx: Tx,
  request: { id: string; employeeId: string },
  status: RequestStatus,
  params: NotificationParams,
): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { employeeId: request.employeeId, active: true },
    select: { id: true },
  });
  const ids: string[] = [];
  for (const u of users) {
    const n = await tx.notification.create({
      data: { userId: u.id, requestId: request.id, status, params: { ...params } },
      select: { id: true },
    });
    ids.push(n.id);
  }
  return ids;
}

/** The notification's text in the reader's language. */
export function notificationText(
  locale: Locale,
  status: RequestStatus,
  params: NotificationParams,
): { subject: string; body: string } {
  const t = translator(locale);
  const service = locale === "en" ? params.serviceEn : params.serviceId;
  const subject = t("notify.subject", { number: params.number, status: t(`request.status.${status}`) });
  const lines = [t("notify.body", { service, number: params.number, status: t(`request.status.${status}`) })];
  if (params.note) lines.push(t("notify.note", { note: params.note }));
  return { subject, body: lines.join("\n") };
}

/** Sends the e-mails of the given notifications (to users with an address) and records the outcome. */
export async function deliverEmails(
  db: Pick<Db, "notification">,
  mailer: Mailer | null | undefined,
  ids: readonly string[],
  baseUrl: string,
): Promise<void> {
  if (!mailer || ids.length === 0) return;
  const rows = await db.notification.findMany({
    where: { id: { in: [...ids] }, emailedAt: null },
    include: { user: { select: { email: true, locale: true } } },
  });
  for (const n of rows) {
    if (!n.user.email) continue;
    const locale: Locale = n.user.locale === "en" ? "en" : "id";
    const { subject, body } = notificationText(locale, n.status, n.params as unknown as NotificationParams);
    try {
      await mailer.send({ to: n.user.email, subject, text: `${body}\n\n${baseUrl}/layanan/${n.requestId}` });
      await db.notification.update({ where: { id: n.id }, data: { emailedAt: new Date(), emailError: null } });
    } catch (e) {
      await db.notification.update({
        where: { id: n.id },
        data: { emailError: String((e as Error).message ?? e).slice(0, 500) },
      });
    }
  }
}
