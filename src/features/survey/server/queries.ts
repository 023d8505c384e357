// The survey's reads from the relational store: the written feedback in a period and scope, and the
// ratings of the people who handled the rated requests. Days are the region's days: a period's bounds
// become instants in its time zone here, once, for both.
import { ELEMENTS } from "@/lib/domain/ikm";
import { dayNumber, localInstant } from "@/lib/domain/working-days";
import type { Db } from "@/server/db/client";

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
