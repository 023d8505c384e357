import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession, type Session } from "next-auth";
import { cache } from "react";
import type { Role } from "@/generated/prisma/enums";
import type { Db } from "../db/client";
import { authOptions } from "./options";

/** Where an account with a one-time password goes before anything else. */
export const PASSWORD_CHANGE_PATH = "/saya/kata-sandi";

/**
 * The session as the account stands now: a cookie made before the account was deactivated, its role,
 * unit or password changed, or "sign out everywhere" (each raises sessionVersion) is no session.
 * One primary-key read per request (React's cache shares it between a layout and its page).
 * `mustChangePassword`: the account signed in with a one-time password and has not replaced it yet.
 */
export const getAccountSession = cache(async (): Promise<{ session: Session; mustChangePassword: boolean } | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const { getDb } = await import("../db");
  return accountSession(await getDb(), session);
});

/**
 * The session for everything but the password change: an account that must still replace its
 * one-time password has none, so every page, tRPC call and route handler refuses it (fail closed:
 * a new handler cannot forget the check). requireRole sends such a browser to the change page.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  const a = await getAccountSession();
  return a && !a.mustChangePassword ? a.session : null;
});

export async function accountSession(
  db: Db,
  session: Session,
): Promise<{ session: Session; mustChangePassword: boolean } | null> {
  const account = await db.user.findUnique({
    where: { id: session.user.id },
    select: {
      active: true,
      sessionVersion: true,
      role: true,
      unitId: true,
      name: true,
      username: true,
      mustChangePassword: true,
    },
  });
  if (!account || !account.active || account.sessionVersion !== session.user.sv) return null;
  return {
    session: {
      ...session,
      user: {
        ...session.user,
        role: account.role,
        unitId: account.unitId,
        name: account.name,
        username: account.username,
      },
    },
    mustChangePassword: account.mustChangePassword,
  };
}

/** The session as getSession sees it: none while a one-time password waits to be replaced. */
export async function currentSession(db: Db, session: Session): Promise<Session | null> {
  const a = await accountSession(db, session);
  return a && !a.mustChangePassword ? a.session : null;
}

/** For pages: the session of a signed-in user with one of `roles`; otherwise login, the password change, or 403. */
export async function requireRole(roles: readonly Role[] | "any", from: string): Promise<Session> {
  const a = await getAccountSession();
  if (!a) redirect(`/masuk?callbackUrl=${encodeURIComponent(from)}`);
  if (a.mustChangePassword) redirect(`${PASSWORD_CHANGE_PATH}?callbackUrl=${encodeURIComponent(from)}`);
  const { session } = a;
  if (roles !== "any" && !roles.includes(session.user.role)) forbidden();
  return session;
}
