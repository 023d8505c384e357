// What the request pages read: an employee's own requests, one request with its steps, and the work
// queues sorted by SLA deadline in working days. Relational reads (the system of record), scoped on the server.
import type { RequestStatus } from "@/generated/prisma/enums";
import { slaPosition } from "@/lib/domain/sla";
import { dayOfDate, isoDay, localDay } from "@/lib/domain/working-days";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db/client";
import { unitSubtree } from "@/server/unit-scope";
import { documentsOf } from "../forms";
import { actionsFor, QUEUES, type QueueName } from "../workflow";
import { regionCalendar, type RegionCalendar } from "@/server/calendar";
import { isHealthPrivate } from "./leave";
import { partiesOf, type RequestUser } from "./requests";
import { now as clockNow } from "@/server/clock";

export async function employeeOf(db: Db, userId: string) {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: { employee: { include: { unit: { select: { name: true } } } } },
  });
  return u?.employee ?? null;
}

export async function myRequests(db: Db, employeeId: string) {
  return db.serviceRequest.findMany({
    where: { employeeId },
    orderBy: { submittedAt: "desc" },
    take: 200,
    select: {
      id: true,
      number: true,
      status: true,
      submittedAt: true,
      completedAt: true,
      updatedAt: true,
      workingDays: true,
      slaDays: true,
      startsOn: true,
      endsOn: true,
      serviceType: { select: { nameId: true, nameEn: true, slaDays: true } },
    },
  });
}

/** One request as its reader may see it, with the actions they may take; null when they may not see it. */
export async function requestDetail(db: Db, user: RequestUser, requestId: string, now = clockNow()) {
  const request = await db.serviceRequest.findUnique({
    where: { id: requestId },
    include: {
      serviceType: true,
      employee: { select: { name: true, nip: true, position: true, unit: { select: { name: true } } } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      documents: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, fileName: true, size: true, createdAt: true },
      },
    },
  });
  if (!request) return null;
  const parties = await partiesOf(db, user, request);
  if (parties.size === 0) return null;
  // Employee-level data read by someone other than the employee: a deliberate, logged action.
  if (!parties.has("owner"))
    await recordAudit(db, user, { action: "request.read", entity: "ServiceRequest", entityId: request.id });
  const { calendar, timezone } = await regionCalendar(db, request.regionId);
  const today = localDay(now, timezone);
  const end = request.completedAt ? localDay(request.completedAt, timezone) : today;
  const sla = slaPosition(
    calendar,
    localDay(request.submittedAt, timezone),
    request.slaDays ?? request.serviceType.slaDays,
    end,
  );
  const lastReturn =
    request.status === "RETURNED" ? [...request.events].reverse().find((e) => e.status === "RETURNED") : undefined;
  const survey = request.status === "COMPLETED" && parties.has("owner") ? await surveyState(db, request.id) : null;
  return {
    request,
    parties: [...parties],
    actions: actionsFor(request.status, request.serviceType.viaBkn, parties),
    requiredDocuments: documentsOf(request.serviceType.documents),
    sla,
    timezone,
    missing: lastReturn?.note ?? null,
    survey,
    healthPrivate: isHealthPrivate(request.leaveKind, parties),
  };
}

async function surveyState(db: Db, requestId: string): Promise<"open" | "answered"> {
  const answered = await db.surveyResponse.findUnique({ where: { requestId }, select: { id: true } });
  return answered ? "answered" : "open";
}

export const QUEUE_PAGE = 50;

/** A work queue for its party: HR sees all units, a supervisor their unit and its sub-units. Sorted by SLA deadline. */
export async function workQueue(db: Db, user: RequestUser, queue: QueueName, page = 1, now = clockNow()) {
  const spec = QUEUES[queue];
  const isHr = user.role === "HR" || user.role === "ADMIN";
  if (spec.party === "hr" && !isHr) return null;
  if (spec.party === "supervisor" && user.role !== "UNIT_HEAD" && !isHr) return null;
  const scope = user.role === "UNIT_HEAD" ? (user.unitId ? await unitSubtree(db, user.unitId) : []) : null;
  const rows = await db.serviceRequest.findMany({
    where: { status: { in: [...spec.statuses] as RequestStatus[] }, ...(scope ? { unitId: { in: scope } } : {}) },
    select: {
      id: true,
      number: true,
      status: true,
      submittedAt: true,
      regionId: true,
      unitId: true,
      slaDays: true,
      serviceType: { select: { nameId: true, nameEn: true, slaDays: true } },
      employee: { select: { name: true, unit: { select: { name: true } } } },
    },
  });
  const calendars = new Map<string, RegionCalendar>();
  for (const regionId of new Set(rows.map((r) => r.regionId)))
    calendars.set(regionId, await regionCalendar(db, regionId));
  const items = rows
    .map((r) => {
      const { calendar, timezone } = calendars.get(r.regionId)!;
      return {
        ...r,
        sla: slaPosition(
          calendar,
          localDay(r.submittedAt, timezone),
          r.slaDays ?? r.serviceType.slaDays,
          localDay(now, timezone),
        ),
      };
    })
    .sort((a, b) => a.sla.deadline - b.sla.deadline || a.submittedAt.getTime() - b.submittedAt.getTime());
  const pages = Math.max(1, Math.ceil(items.length / QUEUE_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  return {
    total: items.length,
    overdue: items.filter((i) => i.sla.overdue).length,
    page: current,
    pages,
    items: items.slice((current - 1) * QUEUE_PAGE, current * QUEUE_PAGE),
  };
}

/** How many requests wait in each queue the user works. */
export async function queueCounts(db: Db, user: RequestUser): Promise<Partial<Record<QueueName, number>>> {
  const out: Partial<Record<QueueName, number>> = {};
  const scope = user.role === "UNIT_HEAD" ? (user.unitId ? await unitSubtree(db, user.unitId) : []) : null;
  for (const [name, spec] of Object.entries(QUEUES) as [QueueName, (typeof QUEUES)[QueueName]][]) {
    const isHr = user.role === "HR" || user.role === "ADMIN";
    if (spec.party === "hr" ? !isHr : user.role !== "UNIT_HEAD" && !isHr) continue;
    out[name] = await db.serviceRequest.count({
      where: { status: { in: [...spec.statuses] as RequestStatus[] }, ...(scope ? { unitId: { in: scope } } : {}) },
    });
  }
  return out;
}

/** The services an employee may ask for in their region, by Indonesian name. */
export async function activeServices(db: Db, regionId: string) {
  return db.serviceType.findMany({ where: { regionId, active: true }, orderBy: { nameId: "asc" } });
}

/** The region's holidays of `year` and the next, as ISO days (a leave form counts working days with them). */
export async function holidayDays(db: Db, regionId: string, year: number): Promise<string[]> {
  const rows = await db.holiday.findMany({
    where: { regionId, date: { gte: new Date(`${year}-01-01`), lte: new Date(`${year + 1}-12-31`) } },
    select: { date: true },
  });
  return rows.map((h) => isoDay(dayOfDate(h.date)));
}

export async function notificationsOf(db: Db, userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 100 });
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
