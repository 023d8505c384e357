// The request pages' reads, one procedure per page: an employee's own requests and leave balance, the form
// for a new request, one request with what its reader may do, the work queues, the notifications. The
// queries (./queries.ts) scope every read; writes stay form posts (./actions.ts).
import type { Session } from "next-auth";
import { z } from "zod";
import { rolesFor } from "@/lib/navigation";
import { createTRPCRouter, orNotFound, protectedProcedure, roleProcedure } from "@/server/api/trpc";
import type { Actor } from "@/server/audit";
import { regionYear } from "@/server/calendar";
import { QUEUE_NAMES, type QueueName } from "../workflow";
import { leaveBalance } from "./leave";
import {
  activeServices,
  employeeOf,
  holidayDays,
  myRequests,
  notificationsOf,
  queueCounts,
  requestDetail,
  workQueue,
} from "./queries";
import type { RequestUser } from "./requests";

const employeeProcedure = roleProcedure(...rolesFor("/layanan"));

const requestUser = (ctx: { actor: Actor; user: Session["user"] }): RequestUser => ({
  ...ctx.actor,
  id: ctx.user.id,
  role: ctx.user.role,
  unitId: ctx.user.unitId,
});

export const requestsRouter = createTRPCRouter({
  /** The signed-in employee's requests and this year's annual leave; no employee record: null. */
  mine: employeeProcedure.query(async ({ ctx }) => {
    const employee = await employeeOf(ctx.db, ctx.user.id);
    if (!employee) return null;
    const year = await regionYear(ctx.db, employee.regionId);
    const [requests, balance] = await Promise.all([
      myRequests(ctx.db, employee.id),
      leaveBalance(ctx.db, employee.id, year),
    ]);
    return { year, requests, balance };
  }),

  /** The services to choose from and, once one is chosen (by code), what its form needs. */
  newRequest: employeeProcedure
    .input(z.object({ service: z.string().max(64).optional() }))
    .query(async ({ ctx, input }) => {
      const employee = await employeeOf(ctx.db, ctx.user.id);
      if (!employee) return null;
      const services = await activeServices(ctx.db, employee.regionId);
      const service = services.find((s) => s.code === input.service) ?? null;
      if (!service) return { services, service: null };
      const year = await regionYear(ctx.db, employee.regionId);
      const [holidays, balance] = await Promise.all([
        holidayDays(ctx.db, employee.regionId, year),
        service.code === "CUTI" ? leaveBalance(ctx.db, employee.id, year) : null,
      ]);
      return { services, service, form: { year, holidays, balance } };
    }),

  /** One request as the reader may see it (a reader with no part in it: not found, as for one that does not exist). */
  detail: protectedProcedure.input(z.object({ id: z.string().max(64) })).query(async ({ ctx, input }) => {
    return orNotFound(await requestDetail(ctx.db, requestUser(ctx), input.id));
  }),

  /** The queues the reader works, with counts, and one queue's page sorted by SLA deadline. */
  queue: roleProcedure(...rolesFor("/antrian"))
    .input(z.object({ queue: z.string().max(32).optional(), page: z.number().int().min(1).max(10_000).default(1) }))
    .query(async ({ ctx, input }) => {
      const user = requestUser(ctx);
      const counts = await queueCounts(ctx.db, user);
      const mine = QUEUE_NAMES.filter((q) => counts[q] !== undefined);
      const current: QueueName = mine.includes(input.queue as QueueName)
        ? (input.queue as QueueName)
        : user.role === "UNIT_HEAD"
          ? "approval"
          : mine[0]!;
      return { counts, mine, current, queue: await workQueue(ctx.db, user, current, input.page) };
    }),

  notifications: roleProcedure(...rolesFor("/notifikasi")).query(({ ctx }) => notificationsOf(ctx.db, ctx.user.id)),
});
