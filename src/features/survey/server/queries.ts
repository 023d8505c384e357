// The survey's reads from the relational store: the written feedback in a period and scope, and the
// ratings of the people who handled the rated requests. Days are the region's days: a period's bounds
// become instants in its time zone here, once, for both.
import { ELEMENTS } from "@/lib/domain/ikm";
import { dayNumber, localInstant } from "@/lib/domain/working-days";
import type { Db } from "@/server/db/client";
import { DEFAULT_ELEMENTS, type ElementWording } from "../elements";
import { hashToken } from "./submit";

export const FEEDBACK_PAGE_SIZE = 50;

/** [from 00:00, the day after `to` 00:00) in the time zone, as instants. */
function instants(from: string, to: string, timezone: string) {
  return { gte: localInstant(dayNumber(from), 0, timezone), lt: localInstant(dayNumber(to) + 1, 0, timezone) };
}

export interface FeedbackQuery {
  from: string;
  to: string;
  timezone: string;
  /** The units in scope; null: the whole region. */
  units: string[] | null;
  serviceTypeId?: string;
  only: "all" | "complaints" | "open";
  page: number;
  /** The respondent's contact is read for HR only. */
  withContact: boolean;
}

/** One page of what respondents wrote (newest first), and how many wrote in all. */
export async function feedbackPage(db: Db, q: FeedbackQuery) {
  const where = {
    suggestion: { not: null },
    NOT: { suggestion: "" },
    createdAt: instants(q.from, q.to, q.timezone),
    ...(q.units ? { unitId: { in: q.units } } : {}),
    ...(q.serviceTypeId ? { serviceTypeId: q.serviceTypeId } : {}),
    ...(q.only === "complaints"
      ? { isComplaint: true }
      : q.only === "open"
        ? { isComplaint: true, followUp: { in: ["OPEN", "IN_PROGRESS"] as ("OPEN" | "IN_PROGRESS")[] } }
        : {}),
  };
  const [rows, total] = await Promise.all([
    db.surveyResponse.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: q.page * FEEDBACK_PAGE_SIZE,
      take: FEEDBACK_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        unitId: true,
        serviceTypeId: true,
        suggestion: true,
        isComplaint: true,
        followUp: true,
        contact: q.withContact,
      },
    }),
    db.surveyResponse.count({ where }),
  ]);
  return { rows, total };
}

export type HandlerSums = { actor: string; n: number } & Record<string, number>;

/** Per person who acted on a rated request: the ratings' count and element sums, answers of [from, to]. */
export function handlerRatings(db: Db, from: string, to: string, timezone: string): Promise<HandlerSums[]> {
  const { gte, lt } = instants(from, to, timezone);
  return db.$queryRawUnsafe<HandlerSums[]>(
    `SELECT h.actor, count(*)::int AS n, ${ELEMENTS.map((e) => `sum(r.${e.toLowerCase()})::int AS ${e.toLowerCase()}`).join(", ")}
     FROM (SELECT DISTINCT e."requestId", e."actorName" AS actor FROM "RequestEvent" e WHERE e."actorName" IS NOT NULL) h
     JOIN "SurveyResponse" r ON r."requestId" = h."requestId"
     WHERE r."createdAt" >= $1 AND r."createdAt" < $2
     GROUP BY h.actor ORDER BY n DESC, h.actor LIMIT 500`,
    gte,
    lt,
  );
}

/** The nine elements' wording: the region's where HR reworded them (and gave four options), else the defaults. */
export async function elementWording(db: Db): Promise<ElementWording[]> {
  const rows = await db.surveyElement.findMany();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return DEFAULT_ELEMENTS.map((d) => {
    const r = byCode.get(d.code);
    return r && r.optionsId.length === 4 && r.optionsEn.length === 4
      ? {
          code: d.code,
          questionId: r.questionId,
          questionEn: r.questionEn,
          optionsId: r.optionsId as ElementWording["optionsId"],
          optionsEn: r.optionsEn as ElementWording["optionsEn"],
        }
      : d;
  }).filter((e) => ELEMENTS.includes(e.code));
}

/** A service point's open survey: its form, or null when the point is unknown or closed. */
export async function pointSurvey(db: Db, code: string) {
  const point = await db.servicePoint.findUnique({ where: { code } });
  if (!point || !point.active) return null;
  const [elements, services] = await Promise.all([
    elementWording(db),
    point.serviceTypeId
      ? null
      : db.serviceType.findMany({ where: { regionId: point.regionId, active: true }, orderBy: { code: "asc" } }),
  ]);
  return { point: { code: point.code, name: point.name }, elements, services };
}

/** A one-time link's survey: "unknown" (no such link or request), "used", or the request it rates. */
export async function inviteSurvey(db: Db, token: string) {
  const invite = await db.surveyInvite.findUnique({ where: { tokenHash: hashToken(token) } });
  const request = invite
    ? await db.serviceRequest.findUnique({ where: { id: invite.requestId }, include: { serviceType: true } })
    : null;
  if (!invite || !request) return { state: "unknown" as const };
  if (invite.usedAt) return { state: "used" as const };
  return {
    state: "open" as const,
    request: {
      number: request.number,
      serviceNameId: request.serviceType.nameId,
      serviceNameEn: request.serviceType.nameEn,
    },
    elements: await elementWording(db),
  };
}

/** HR's survey page: the service points with their answer counts, the catalog to make one, periods, wording. */
export async function surveyAdmin(db: Db) {
  const [points, units, services, counts, periods, wording] = await Promise.all([
    db.servicePoint.findMany({ orderBy: { code: "asc" } }),
    db.unit.findMany({ orderBy: { name: "asc" } }),
    db.serviceType.findMany({ where: { active: true }, orderBy: { code: "asc" } }),
    db.surveyResponse.groupBy({ by: ["servicePointId"], _count: { _all: true } }),
    db.surveyPeriod.findMany({ orderBy: { startsOn: "desc" } }),
    elementWording(db),
  ]);
  const answered = new Map(counts.map((c) => [c.servicePointId, c._count._all]));
  return {
    points: points.map((p) => ({ ...p, answered: answered.get(p.id) ?? 0 })),
    units,
    services,
    periods,
    wording,
  };
}

export function servicePoint(db: Db, id: string) {
  return db.servicePoint.findUnique({ where: { id } });
}

/** The latest survey periods, newest first (the satisfaction dashboard links each). */
export function surveyPeriods(db: Db, take = 8) {
  return db.surveyPeriod.findMany({ orderBy: { startsOn: "desc" }, take });
}
