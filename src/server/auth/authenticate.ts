// Username/password check with throttling. Failed attempts are kept in the relational store, so
// the throttle holds across several web instances.
import { createHash } from "node:crypto";
import ipaddr from "ipaddr.js";
import type { Prisma } from "@/generated/prisma/client";
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
  sessionVersion: number;
  /** Signed in with a one-time password: the password change comes before anything else. */
  mustChangePassword?: boolean;
}

export type ThrottleScope = "device" | "pair" | "client" | "account";
export type AuthFailure = { code: "INVALID" } | { code: "THROTTLED"; retryAfterMinutes: number };

export class AuthError extends Error {
  constructor(readonly failure: AuthFailure) {
    super(failure.code === "THROTTLED" ? `THROTTLED:${failure.retryAfterMinutes}` : failure.code);
    this.name = "AuthError";
  }
}

/** A browser that signed in as this user within this many days is "known" to the throttle. */
const KNOWN_DEVICE_DAYS = 90;

export const deviceHashOf = (deviceId: string | null | undefined) =>
  deviceId && /^[A-Za-z0-9_-]{20,100}$/.test(deviceId) ? createHash("sha256").update(deviceId).digest("hex") : null;

/**
 * Minutes until this attempt may go ahead (0: now), and which count stopped it. Failures count
 * together per username and client address (the limit), per client over all usernames (a spray, four
 * times the limit) and per username over all addresses (a distributed guess, four times the limit).
 * So a stranger's wrong passwords no longer lock the owner out from everywhere: a browser that signed
 * in as this user before (its device cookie) is held only to its own failures.
 */
export async function throttleFor(
  db: Db,
  who: { username: string; clientKey: string; deviceHash?: string | null },
  cfg: ThrottleConfig,
  now = new Date(),
  /** Count only attempts recorded before this one (its own row's id): attempts sent at once queue up by id. */
  beforeId?: bigint,
): Promise<{ minutes: number; scope: ThrottleScope | null }> {
  const { username } = who;
  const clientKey = throttleKeyOf(who.clientKey);
  const deviceHash = who.deviceHash ?? null;
  const lock = cfg.lockMinutes * 60_000;
  const since = new Date(now.getTime() - lock);
  const earlier = beforeId === undefined ? {} : { id: { lt: beforeId } };
  const wait = async (where: Prisma.LoginAttemptWhereInput, limit: number, after: Date) => {
    const recent = await db.loginAttempt.findMany({
      where: { ...where, ...earlier, success: false, createdAt: { gt: after } },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { createdAt: true },
    });
    if (recent.length < limit) return 0;
    return Math.max(1, Math.ceil((recent[limit - 1]!.createdAt.getTime() + lock - now.getTime()) / 60_000));
  };
  const lastSuccess = async (where: Prisma.LoginAttemptWhereInput, from: Date) =>
    (
      await db.loginAttempt.findFirst({
        where: { ...where, success: true, createdAt: { gte: from } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      })
    )?.createdAt;
  const later = (a: Date, b: Date | undefined) => (b && b > a ? b : a);

  if (deviceHash) {
    const known = await lastSuccess({ username, deviceHash }, new Date(now.getTime() - KNOWN_DEVICE_DAYS * 86_400_000));
    if (known) {
      const minutes = await wait({ username, deviceHash }, cfg.maxFailures, later(since, known));
      return { minutes, scope: minutes ? "device" : null };
    }
  }
  const from = later(since, await lastSuccess({ username }, since));
  const scopes: ThrottleScope[] = ["pair", "client", "account"];
  const minutes = await Promise.all([
    wait({ username, clientKey }, cfg.maxFailures, from),
    wait({ clientKey }, cfg.maxFailures * 4, since),
    wait({ username }, cfg.maxFailures * 4, from),
  ]);
  const worst = minutes.indexOf(Math.max(...minutes));
  return minutes[worst]! > 0 ? { minutes: minutes[worst]!, scope: scopes[worst]! } : { minutes: 0, scope: null };
}

/**
 * The address the throttle counts: IPv4 as it is, an IPv6 address by its /64 (one subscriber's
 * network; rotating within it is one client). The audit log keeps the whole address.
 */
export function throttleKeyOf(clientKey: string): string {
  if (!ipaddr.isValid(clientKey)) return clientKey;
  const addr = ipaddr.parse(clientKey);
  if (addr.kind() === "ipv4") return addr.toString();
  const v6 = addr as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${v6.parts
    .slice(0, 4)
    .map((p) => p.toString(16))
    .join(":")}::/64`;
}

export async function authenticate(
  db: Db,
  input: { username: string; password: string; clientKey: string; deviceId?: string | null },
  cfg: ThrottleConfig,
): Promise<AuthUser> {
  const username = input.username.trim().toLowerCase();
  const deviceHash = deviceHashOf(input.deviceId);
  const actor = { id: null, name: username, clientKey: input.clientKey };
  // The attempt is written first, as a failure, and then judged against the ones before it: attempts sent
  // at the same moment cannot all pass the count while their passwords are being checked.
  const attempt = await db.loginAttempt.create({
    data: { username, clientKey: throttleKeyOf(input.clientKey), deviceHash, success: false },
    select: { id: true },
  });
  const throttled = await throttleFor(
    db,
    { username, clientKey: input.clientKey, deviceHash },
    cfg,
    new Date(),
    attempt.id,
  );
  if (throttled.minutes > 0) {
    await db.loginAttempt.delete({ where: { id: attempt.id } }); // a refused attempt does not count again
    await recordAudit(db, actor, {
      action: "auth.login_throttled",
      entity: "User",
      after: { username, scope: throttled.scope, minutes: throttled.minutes },
    });
    throw new AuthError({ code: "THROTTLED", retryAfterMinutes: throttled.minutes });
  }
  const user = await db.user.findUnique({ where: { username } });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  const success = Boolean(user && user.active && ok);
  if (success) await db.loginAttempt.update({ where: { id: attempt.id }, data: { success: true } });
  if (!success || !user) {
    await recordAudit(db, actor, {
      action: "auth.login_failed",
      entity: "User",
      entityId: user?.id,
      after: { username },
    });
    throw new AuthError({ code: "INVALID" });
  }
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit(
    db,
    { id: user.id, name: user.name, clientKey: input.clientKey },
    {
      action: "auth.login",
      entity: "User",
      entityId: user.id,
    },
  );
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    unitId: user.unitId,
    locale: user.locale,
    sessionVersion: user.sessionVersion,
    mustChangePassword: user.mustChangePassword,
  };
}

const SERVED_BY_PANTAU = Symbol.for("pantau.clientAddress");

/** At start-up: in production, throttling and the audit log need the address only scripts/server.mjs vouches for. */
export function exitUnlessServedByPantau(): void {
  if (process.env.NODE_ENV !== "production" || (globalThis as Record<symbol, unknown>)[SERVED_BY_PANTAU]) return;
  console.error(
    "[pantau] Jalankan dengan `npm start` (scripts/server.mjs), bukan `next start`: tanpa itu alamat klien tidak dapat dipercaya.\n" +
      "[pantau] Start with `npm start` (scripts/server.mjs), not `next start`: without it client addresses cannot be trusted.",
  );
  process.exit(1);
}

/**
 * Identifies the client for throttling and the audit log. scripts/server.mjs (npm start, npm run dev)
 * writes X-Forwarded-For itself: the socket's address, or what a trusted proxy (TRUSTED_PROXIES) said.
 * Served any other way (plain `next start`) the header is the client's own claim, so it is not used:
 * every client then shares one key, which is safe but throttles everyone together.
 */
export function clientKeyFrom(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  // not served through scripts/server.mjs: tests (in production the server refuses to start that way)
  if (!(globalThis as Record<symbol, unknown>)[SERVED_BY_PANTAU]) return "unknown";
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return (value || "unknown").slice(0, 64);
}
