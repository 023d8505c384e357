// HR and administrators looking after accounts: a new one-time password, deactivation, sign-out.
// HR may do this for unit heads and employees only (canManageRole); every step is audited, no password is.
import { TRPCError } from "@trpc/server";
import type { Role } from "@/generated/prisma/enums";
import { isLocale, translator } from "@/i18n/catalog";
import { recordAudit, type Actor } from "@/server/audit";
import { hashPassword, oneTimePassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import type { Mailer } from "@/server/mail";
import { canManageRole } from "../schemas";

export type ActingUser = Actor & { role: Role };

/** The account, if `actor` may manage it; otherwise NOT_FOUND or FORBIDDEN. */
export async function manageableAccount(db: Pick<Db, "user">, actor: ActingUser, id: string) {
  const target = await db.user.findUnique({
    where: { id },
    select: { id: true, username: true, name: true, role: true, email: true, locale: true, active: true },
  });
  if (!target) throw new TRPCError({ code: "NOT_FOUND" });
  if (!canManageRole(actor.role, target.role))
    throw new TRPCError({ code: "FORBIDDEN", message: "accounts.error.notYours" });
  return target;
}

export type ResetResult =
  | { ok: true; username: string; delivered: "shown"; password: string }
  | { ok: true; username: string; delivered: "email" | "chosen" };

/**
 * A new password for someone else: one Pantau makes (shown once, or e-mailed when SMTP is configured
 * and the account has an address) or, for an administrator's scripts, one given. Either way it is a
 * one-time password: the account must replace it at its next sign-in, and every session it had ends.
 */
export async function resetPassword(
  db: Db,
  actor: ActingUser,
  input: { id: string; password?: string; deliver: "show" | "email" },
  mailer: Mailer | null,
): Promise<ResetResult> {
  const target = await manageableAccount(db, actor, input.id);
  if (input.deliver === "email" && (!mailer || !target.email))
    throw new TRPCError({ code: "BAD_REQUEST", message: "accounts.reset.noEmail" });
  const password = input.password ?? oneTimePassword();
  const passwordHash = await hashPassword(password);
  const delivered = input.password ? "chosen" : input.deliver === "email" ? "email" : "shown";
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: target.id },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, actor, {
      action: "user.reset_password",
      entity: "User",
      entityId: target.id,
      after: { sessionsEnded: true, mustChangePassword: true, delivered },
    });
  });
  if (delivered === "email") {
    const t = translator(isLocale(target.locale) ? target.locale : "id");
    try {
      await mailer!.send({
        to: target.email!,
        subject: t("accounts.mail.subject"),
        text: t("accounts.mail.body", { name: target.name, username: target.username, password }),
      });
    } catch (err) {
      // the reset stands (the old password is gone); HR can reset again and read it out instead
      console.error("[accounts] reset e-mail failed", (err as Error).message);
      await recordAudit(db, actor, { action: "user.reset_password_mail_failed", entity: "User", entityId: target.id });
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "accounts.reset.mailFailed" });
    }
    return { ok: true, username: target.username, delivered };
  }
  return delivered === "shown"
    ? { ok: true, username: target.username, delivered, password }
    : { ok: true, username: target.username, delivered };
}
