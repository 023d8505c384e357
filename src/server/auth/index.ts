import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession, type Session } from "next-auth";
import type { Role } from "@/generated/prisma/enums";
import { authOptions } from "./options";

export async function getSession(): Promise<Session | null> {
  return getServerSession(authOptions);
}

/** For pages: the session of a signed-in user with one of `roles`; otherwise login or 403. */
export async function requireRole(roles: readonly Role[] | "any", from: string): Promise<Session> {
  const session = await getSession();
  if (!session?.user) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
  if (roles !== "any" && !roles.includes(session.user.role)) forbidden();
  return session;
}
