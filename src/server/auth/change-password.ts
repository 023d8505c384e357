// A user replacing their own password: the one-time password HR handed out (which the account must
// replace before anything else) or simply an old one. The current password is checked against the
// same throttle as the login form, so a borrowed session cannot guess it faster than a stranger could.
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import { throttleFor, throttleKeyOf, type AuthUser, type ThrottleConfig } from "./authenticate";
import { hashPassword, verifyPassword } from "./password";

export type PasswordChangeFailure = "CURRENT" | "THROTTLED" | "GONE";

export class PasswordChangeError extends Error {
  constructor(readonly failure: PasswordChangeFailure) {
    super(failure);
    this.name = "PasswordChangeError";
  }
}

/**
 * Replaces the password, clears mustChangePassword and ends every other session (the session version
 * goes up). Returns the account as a new session needs it, for this browser's fresh cookie.
 * `next` has passed the password rules (changePasswordInput) already.
 */
export async function changeOwnPassword(
  db: Db,
  who: { userId: string; clientKey: string },
  input: { current: string; next: string },
  cfg: ThrottleConfig,
): Promise<AuthUser> {
  const user = await db.user.findUnique({ where: { id: who.userId } });
  if (!user || !user.active) throw new PasswordChangeError("GONE");
  const actor = { id: user.id, name: user.name, clientKey: who.clientKey };
  if ((await throttleFor(db, { username: user.username, clientKey: who.clientKey }, cfg)).minutes > 0)
    throw new PasswordChangeError("THROTTLED");
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    await db.loginAttempt.create({
      data: { username: user.username, clientKey: throttleKeyOf(who.clientKey), success: false },
    });
    await recordAudit(db, actor, { action: "user.change_password_failed", entity: "User", entityId: user.id });
    throw new PasswordChangeError("CURRENT");
  }
  const passwordHash = await hashPassword(input.next);
  return db.$transaction(async (tx) => {
    // only if nothing changed the account meanwhile (a reset by HR, a sign-out everywhere)
    const changed = await tx.user.updateMany({
      where: { id: user.id, active: true, sessionVersion: user.sessionVersion },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    if (changed.count !== 1) throw new PasswordChangeError("GONE");
    await recordAudit(tx, actor, {
      action: "user.change_password",
      entity: "User",
      entityId: user.id,
      after: { wasOneTime: user.mustChangePassword, sessionsEnded: true },
    });
    return {
      id: user.id,
      username: user.username,
      name: user.name,
      role: user.role,
      unitId: user.unitId,
      locale: user.locale,
      sessionVersion: user.sessionVersion + 1,
    };
  });
}
