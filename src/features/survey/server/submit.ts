// Storing a survey response: the one door for open links (a service point's link or QR code) and
// one-time links (a finished request). An open link's answer costs two statements: the throttle's
// count-and-record and the insert (points and services are cached briefly). The answers are checked with the form's own schema; a bot that
// fills the honeypot is told "thank you" and nothing is kept; open links are throttled per client in
// the relational store (so the limit holds across web instances); a one-time link takes one response;
// the same submission key twice (a double tap, a resent form) stores one response.
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { throttleKeyOf } from "@/server/auth/authenticate";
import type { Db } from "@/server/db/client";
import { fieldErrors, surveyAnswers } from "../schemas";
import { now as clockNow } from "@/server/clock";

export const THROTTLE = { max: 5, windowMinutes: 10 } as const;

export type SubmitTarget = { kind: "point"; code: string; channel: "LINK" | "QR" } | { kind: "invite"; token: string };

export type SubmitResult =
  { ok: true; responseId: string | null } | { ok: false; errors: Record<string, string>; retryMinutes?: number };

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function isUniqueViolation(err: unknown, field: string): boolean {
  return (
    err instanceof Prisma.PrismaClientKnownRequestError &&
    err.code === "P2002" &&
    JSON.stringify(err.meta ?? {}).includes(field)
  );
}

export async function submitSurvey(
  db: Db,
  target: SubmitTarget,
  raw: unknown,
  clientKey: string,
  now = clockNow(),
): Promise<SubmitResult> {
  const parsed = surveyAnswers.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const a = parsed.data;
  if (a.website) return { ok: true, responseId: null };

  let place: {
    regionId: string;
    unitId: string;
    serviceTypeId: string | null;
    servicePointId: string | null;
    requestId: string | null;
    channel: "LINK" | "QR" | "INVITE";
  };
  let inviteId: string | null = null;
  if (target.kind === "point") {
    const point = await cachedPoint(db, target.code, now);
    if (!point || !point.active) return { ok: false, errors: { form: "survey.error.unknownPoint" } };
    const serviceTypeId = point.serviceTypeId ?? a.serviceTypeId;
    if (!serviceTypeId || !(await cachedServices(db, point.regionId, now)).has(serviceTypeId))
      return { ok: false, errors: { serviceTypeId: "survey.error.choose" } };
    if (!(await takeAttempt(db, throttleKeyOf(clientKey), now)))
      return { ok: false, errors: { form: "survey.error.throttled" }, retryMinutes: THROTTLE.windowMinutes };
    place = {
      regionId: point.regionId,
      unitId: point.unitId,
      serviceTypeId,
      servicePointId: point.id,
      requestId: null,
      channel: target.channel,
    };
  } else {
    const invite = await db.surveyInvite.findUnique({ where: { tokenHash: hashToken(target.token) } });
    if (!invite) return { ok: false, errors: { form: "survey.error.unknownInvite" } };
    if (invite.usedAt) {
      // the same form sent again after it was stored: the same answer, not an error
      const same = await db.surveyResponse.findUnique({
        where: { submissionKey: a.submissionKey },
        select: { id: true },
      });
      return same ? { ok: true, responseId: same.id } : { ok: false, errors: { form: "survey.error.inviteUsed" } };
    }
    const request = await db.serviceRequest.findUnique({
      where: { id: invite.requestId },
      select: { id: true, regionId: true, unitId: true, serviceTypeId: true },
    });
    if (!request) return { ok: false, errors: { form: "survey.error.unknownInvite" } };
    inviteId = invite.id;
    place = {
      regionId: request.regionId,
      unitId: request.unitId,
      serviceTypeId: request.serviceTypeId,
      servicePointId: null,
      requestId: request.id,
      channel: "INVITE",
    };
  }

  const data = {
    ...place,
    createdAt: now,
    submissionKey: a.submissionKey,
    ageGroup: a.ageGroup,
    gender: a.gender,
    education: a.education,
    occupation: a.occupation,
    u1: a.u1,
    u2: a.u2,
    u3: a.u3,
    u4: a.u4,
    u5: a.u5,
    u6: a.u6,
    u7: a.u7,
    u8: a.u8,
    u9: a.u9,
    suggestion: a.suggestion ?? null,
    isComplaint: a.isComplaint,
    followUp: a.isComplaint ? ("OPEN" as const) : ("NONE" as const),
    contact: a.contact ?? null,
  };
  try {
    // An open link's answer is one insert; a one-time link claims the invite in the same transaction
    // (only if still unused: two tabs sending at once store one response).
    const stored = inviteId
      ? await db.$transaction(async (tx) => {
          const claimed = await tx.surveyInvite.updateMany({
            where: { id: inviteId, usedAt: null },
            data: { usedAt: now },
          });
          if (claimed.count !== 1) throw new InviteUsedError();
          return tx.surveyResponse.create({ data, select: { id: true } });
        })
      : await db.surveyResponse.create({ data, select: { id: true } });
    return { ok: true, responseId: stored.id };
  } catch (err) {
    if (isUniqueViolation(err, "submissionKey")) {
      const again = await db.surveyResponse.findUnique({
        where: { submissionKey: a.submissionKey },
        select: { id: true },
      });
      if (again) return { ok: true, responseId: again.id };
    }
    if (err instanceof InviteUsedError || isUniqueViolation(err, "requestId")) {
      const again = await db.surveyResponse.findUnique({
        where: { submissionKey: a.submissionKey },
        select: { id: true },
      });
      if (again) return { ok: true, responseId: again.id };
      return { ok: false, errors: { form: "survey.error.inviteUsed" } };
    }
    throw err;
  }
}

class InviteUsedError extends Error {}

// Service points and the service catalog change rarely and are read on every answer: each web instance
// keeps them for CACHE_MS (a deactivated point stops taking answers within that time).
const CACHE_MS = 30_000;
type Point = { id: string; regionId: string; unitId: string; serviceTypeId: string | null; active: boolean };
const pointCache = new WeakMap<Db, Map<string, { at: number; point: Point | null }>>();
const serviceCache = new WeakMap<Db, Map<string, { at: number; ids: Set<string> }>>();

async function cachedPoint(db: Db, code: string, now: Date): Promise<Point | null> {
  let cache = pointCache.get(db);
  if (!cache) pointCache.set(db, (cache = new Map()));
  const hit = cache.get(code);
  if (hit && Math.abs(now.getTime() - hit.at) < CACHE_MS) return hit.point;
  const point = await db.servicePoint.findUnique({
    where: { code },
    select: { id: true, regionId: true, unitId: true, serviceTypeId: true, active: true },
  });
  if (cache.size > 10_000) cache.clear();
  cache.set(code, { at: now.getTime(), point });
  return point;
}

async function cachedServices(db: Db, regionId: string, now: Date): Promise<Set<string>> {
  let cache = serviceCache.get(db);
  if (!cache) serviceCache.set(db, (cache = new Map()));
  const hit = cache.get(regionId);
  if (hit && Math.abs(now.getTime() - hit.at) < CACHE_MS) return hit.ids;
  const ids = new Set(
    (await db.serviceType.findMany({ where: { regionId, active: true }, select: { id: true } })).map((s) => s.id),
  );
  cache.set(regionId, { at: now.getTime(), ids });
  return ids;
}

/** Counts the client's recent answers and records this one in one statement; false when over the limit. */
async function takeAttempt(db: Db, clientKey: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const [row] = await db.$queryRawUnsafe<{ taken: number }[]>(
    `WITH recent AS (SELECT count(*) AS n FROM "SurveyAttempt" WHERE "clientKey" = $1 AND "createdAt" >= $2),
          ins AS (INSERT INTO "SurveyAttempt" ("clientKey", "createdAt") SELECT $1, $3 WHERE (SELECT n FROM recent) < $4 RETURNING 1)
     SELECT count(*)::int AS taken FROM ins`,
    clientKey,
    since,
    now,
    THROTTLE.max,
  );
  return Number(row?.taken ?? 0) === 1;
}
