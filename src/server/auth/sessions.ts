// Ending an account's sessions: its session version goes up, and every session made before (each
// carries the version it was made with) is refused from the next request on (see getSession).
import { TRPCError } from "@trpc/server";
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db/client";

/** Raises the account's session version: every session made before it is no longer accepted. */
export async function endSessions(db: Db, actor: Actor, userId: string): Promise<{ ok: true }> {
  await db.$transaction(async (tx) => {
    const changed = await tx.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    if (changed.count !== 1) throw new TRPCError({ code: "NOT_FOUND" });
    await recordAudit(tx, actor, { action: "user.sign_out_everywhere", entity: "User", entityId: userId });
  });
  return { ok: true };
}
