// One-time survey links for finished requests. Only the token's SHA-256 is stored, so a link is shown
// once; issuing it again (while unused) replaces the token and the old link stops working.
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import { hashToken } from "./submit";

export type InviteResult =
  | { token: string }
  | { error: "survey.invite.error.unknown" | "survey.invite.error.notFinished" | "survey.error.inviteUsed" };

export async function issueInvite(db: Db, requestNumber: string): Promise<InviteResult> {
  const request = await db.serviceRequest.findUnique({
    where: { number: requestNumber.trim().toUpperCase() },
    select: { id: true, status: true },
  });
  if (!request) return { error: "survey.invite.error.unknown" };
  if (request.status !== "COMPLETED") return { error: "survey.invite.error.notFinished" };
  if (await db.surveyResponse.findUnique({ where: { requestId: request.id }, select: { id: true } }))
    return { error: "survey.error.inviteUsed" };
  const token = randomBytes(18).toString("base64url");
  const existing = await db.surveyInvite.findUnique({ where: { requestId: request.id } });
  if (existing?.usedAt) return { error: "survey.error.inviteUsed" };
  if (existing) await db.surveyInvite.update({ where: { id: existing.id }, data: { tokenHash: hashToken(token) } });
  else await db.surveyInvite.create({ data: { requestId: request.id, tokenHash: hashToken(token) } });
  return { token };
}
