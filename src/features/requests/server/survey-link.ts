import "server-only";
import { issueInvite } from "@/features/survey/server/invites";
import { getDb } from "@/server/db";
import type { RequestUser } from "./requests";

/** A one-time survey token for the user's own finished request, or null. */
export async function issueInviteForOwner(user: RequestUser, requestId: string): Promise<string | null> {
  const db = await getDb();
  const [account, request] = await Promise.all([
    db.user.findUnique({ where: { id: user.id }, select: { employeeId: true } }),
    db.serviceRequest.findUnique({ where: { id: requestId }, select: { number: true, employeeId: true } }),
  ]);
  if (!request || !account?.employeeId || account.employeeId !== request.employeeId) return null;
  const result = await issueInvite(db, request.number);
  return "token" in result ? result.token : null;
}
