// Username/password check with throttling. Failed attempts are kept in the relational store, so
// the throttle holds across several web instances.
import type { Role } from "@/generated/prisma/enums";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import { dummyHash, verifyPassword } from "./password";

export interface ThrottleConfig {
  maxFailures: number;
  lockMinutes: number;
}

export interface AuthUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  unitId: string | null;
  locale: string;
}

export type AuthFailure = { code: "INVALID" } | { code: "THROTTLED"; retryAfterMinutes: number };

export class AuthError extends Error {
  constructor(readonly failure: AuthFailure) {
    // next-auth passes the message to the login page, which looks it up in the catalog.
    super(failure.code === "THROTTLED" ? `THROTTLED:${failure.retryAfterMinutes}` : failure.code);
    this.name = "AuthError";
  }
}

/** Minutes until `username` (or this client) may try again; 0 when not throttled. */
export async function throttleMinutes(db: Db, username: string, clientKey: string, cfg: ThrottleConfig, now = new Date()) {
  const since = new Date(now.getTime() - cfg.lockMinutes * 60_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { username, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const from = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  const byUser = await db.loginAttempt.findMany({
    where: { username, success: false, createdAt: { gt: from } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  // One client spraying many usernames is throttled too, with a larger allowance.
  const byClient = await db.loginAttempt.findMany({
    where: { clientKey, success: false, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  const minutesLeft = (attempts: { createdAt: Date }[], max: number) => {
    if (attempts.length < max) return 0;
    const unlockAt = attempts[attempts.length - max]!.createdAt.getTime() + cfg.lockMinutes * 60_000;
    return Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000));
  };
  return Math.max(minutesLeft(byUser, cfg.maxFailures), minutesLeft(byClient, cfg.maxFailures * 4));
}

export async function authenticate(
  db: Db,
  input: { username: string; password: string; clientKey: string },
  cfg: ThrottleConfig,
): Promise<AuthUser> {
  const username = input.username.trim().toLowerCase();
  const actor = { id: null, name: username, clientKey: input.clientKey };
  const wait = await throttleMinutes(db, username, input.clientKey, cfg);
  if (wait > 0) {
    await recordAudit(db, actor, { action: "auth.login_throttled", entity: "User", after: { username } });
    throw new AuthError({ code: "THROTTLED", retryAfterMinutes: wait });
  }
  const user = await db.user.findUnique({ where: { username } });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  const success = Boolean(user && user.active && ok);
  await db.loginAttempt.create({ data: { username, clientKey: input.clientKey, success } });
  if (!success || !user) {
    await recordAudit(db, actor, { action: "auth.login_failed", entity: "User", entityId: user?.id, after: { username } });
    throw new AuthError({ code: "INVALID" });
  }
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit(db, { id: user.id, name: user.name, clientKey: input.clientKey }, {
    action: "auth.login",
    entity: "User",
    entityId: user.id,
  });
  return { id: user.id, username: user.username, name: user.name, role: user.role, unitId: user.unitId, locale: user.locale };
}

/** Identifies the client for throttling and the audit log (first forwarded address, else "local"). */
export function clientKeyFrom(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  const get = (name: string) => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || get("x-real-ip") || "local").slice(0, 64);
}
