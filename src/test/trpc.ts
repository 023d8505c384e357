// Calling the routers as a signed-in user (or nobody), the way the pages do, and reading a refusal as its code.
import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { createCaller } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";

/** The session the account `username` gets at sign-in. */
export async function sessionAs(db: Db, username: string): Promise<Session> {
  const u = await db.user.findUniqueOrThrow({ where: { username } });
  return {
    expires: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: u.id, name: u.name, username: u.username, role: u.role, unitId: u.unitId },
  };
}

/** A caller for the account `username` (none: a visitor without a session). */
export async function callerAs(db: Db, username?: string, extra: Partial<Context> = {}) {
  const session = username ? await sessionAs(db, username) : null;
  return createCaller({ db, session, clientKey: "test", ...extra });
}

/** "OK", or the tRPC code a call was refused with (FORBIDDEN, NOT_FOUND, …). */
export const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );
