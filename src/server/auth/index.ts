import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession, type Session } from "next-auth";
import { cache } from "react";
import type { Role } from "@/generated/prisma/enums";
import type { Db } from "../db/client";
import { authOptions } from "./options";

/**
 * The session as the account stands now: a cookie made before the account was deactivated, its role,
 * unit or password changed, or "sign out everywhere" (each raises sessionVersion) is no session.
 * One primary-key read per request (React's cache shares it between a layout and its page).
 */
export const getSession = cache(async (): Promise<Session | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const { getDb } = await import("../db");
  return currentSession(await getDb(), session);
});

export async function currentSession(db: Db, session: Session): Promise<Session | null> {
  const account = await db.user.findUnique({
    where: { id: session.user.id },
    select: { active: true, sessionVersion: true, role: true, unitId: true, name: true, username: true },
  });
  if (!account || !account.active || account.sessionVersion !== session.user.sv) return null;
  return { ...session, user: { ...session.user, role: account.role, unitId: account.unitId, name: account.name, username: account.username } };
}

/** For pages: the session of a signed-in user with one of `roles`; otherwise login or 403. */
export async function requireRole(roles: readonly Role[] | "any", from: string): Promise<Session> {
  const session = await getSession();
  if (!session?.user) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
  if (roles !== "any" && !roles.includes(session.user.role)) forbidden();
  return session;
}
