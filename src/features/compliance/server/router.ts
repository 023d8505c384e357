// e-Kinerja compliance and discipline for HR (all units) and unit heads (their units and sub-units):
// the pages' reads, each an audited employee-level read. Forms post through server actions (actions.ts).
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { clickhouseOf, createTRPCRouter, employeeReadProcedure, roleProcedure } from "@/server/api/trpc";
import { regionYear } from "@/server/calendar";
import { today } from "@/server/clock";
import { unitSubtree } from "@/server/unit-scope";
import { complianceFilter } from "../schemas";
import { disciplineWatch, thresholdsOf } from "./discipline";
import { latestFollowUps, mayFollowUp } from "./follow-up";
import { outageOverview } from "./outages";
import { complianceAll, complianceList, employeeTimeline, notInExport } from "./queries";
import { COMPLIANCE_ROLES, pageScopeUnit, scopeUnit } from "./scope";
import { installationRegion } from "@/server/region";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const complianceRouter = createTRPCRouter({
  /** The list of employees who skip entries, one page of it, with what the page around it needs. */
  /** The e-Kinerja outages HR recorded (no employee data: not an audited read). */
  outages: roleProcedure("ADMIN", "HR").query(({ ctx }) => outageOverview(ctx.db)),

  list: employeeReadProcedure(...COMPLIANCE_ROLES)
    .input(complianceFilter)
    .query(async ({ ctx, input }) => {
      const filter = { ...input };
      const { unitId, outOfScope } = await pageScopeUnit(ctx.db, ctx.user, filter.unitId);
      if (unitId === null) throw new TRPCError({ code: "FORBIDDEN" });
      if (outOfScope) filter.unitId = unitId;
      const isHr = ctx.user.role !== "UNIT_HEAD";
      const unitIds = isHr ? null : await unitSubtree(ctx.db, ctx.user.unitId!);
      const ch = await clickhouseOf(ctx);
      const [units, list, region, missingFromExport] = await Promise.all([
        ctx.db.unit.findMany({
          where: unitIds ? { id: { in: unitIds } } : {},
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        }),
        complianceList(ch, filter, unitId),
        isHr ? installationRegion(ctx.db) : null,
        notInExport(ch, filter, unitId, 20),
      ]);
      const follow = await latestFollowUps(
        ctx.db,
        list.rows.map((r) => r.employeeId),
      );
      ctx.audited({ action: "compliance.list.read", entityId: "*", after: { ...filter, rows: list.rows.length } });
      return { filter, unitId, outOfScope, isHr, units, list, region, missingFromExport, follow };
    }),

  /** Every matching employee, for the CSV and Excel exports (no paging). */
  export: employeeReadProcedure(...COMPLIANCE_ROLES)
    .input(complianceFilter.and(z.object({ format: z.enum(["csv", "xlsx"]) })))
    .query(async ({ ctx, input: { format, ...filter } }) => {
      const unitId = await scopeUnit(ctx.db, ctx.user, filter.unitId);
      if (unitId === null) throw new TRPCError({ code: "FORBIDDEN" });
      const rows = await complianceAll(await clickhouseOf(ctx), filter, unitId);
      const follow = await latestFollowUps(
        ctx.db,
        rows.map((r) => r.employeeId),
      );
      ctx.audited({
        action: "compliance.export",
        entityId: "*",
        after: { format, rows: rows.length, filter: { ...filter, page: undefined } },
      });
      return rows.map((r) => ({ ...r, followUp: follow.get(r.employeeId)?.state ?? null }));
    }),

  /** Who reached, or is one day from, a PP 94/2021 threshold for unexcused absence in a year. */
  discipline: employeeReadProcedure(...COMPLIANCE_ROLES)
    .input(z.object({ unitId: z.string().max(64).default(""), year: z.string().max(8).optional() }))
    .query(async ({ ctx, input }) => {
      const { unitId, outOfScope } = await pageScopeUnit(ctx.db, ctx.user, input.unitId);
      if (unitId === null) throw new TRPCError({ code: "FORBIDDEN" });
      const ownUnit = outOfScope
        ? await ctx.db.unit.findUnique({ where: { id: unitId }, select: { name: true } })
        : null;
      const region = await installationRegion(ctx.db);
      const thisYear = region ? await regionYear(ctx.db, region.id) : Number(today().slice(0, 4));
      const asked = Number(input.year);
      const year = input.year && /^\d{4}$/.test(input.year) && asked <= thisYear && asked >= 2000 ? asked : thisYear;
      const [rows, thresholds] = await Promise.all([
        region ? disciplineWatch(ctx.db, await clickhouseOf(ctx), region.id, year, unitId) : [],
        thresholdsOf(ctx.db),
      ]);
      ctx.audited({ action: "discipline.read", entityId: "*", after: { year, unitId, rows: rows.length } });
      return { unitId, ownUnit, year, thisYear, rows, thresholds, isHr: ctx.user.role !== "UNIT_HEAD" };
    }),

  /** One employee's e-Kinerja and attendance month by month (a year up to `to`) and their follow-up. */
  employee: employeeReadProcedure(...COMPLIANCE_ROLES)
    .input(z.object({ id: z.string().min(1).max(64), to: z.string().regex(MONTH) }))
    .query(async ({ ctx, input: { id, to } }) => {
      const employee = await ctx.db.employee.findUnique({
        where: { id },
        include: { unit: { select: { name: true } } },
      });
      // another unit's employee is answered as an unknown one: the answer never tells that an id exists
      const user = { ...ctx.actor, id: ctx.user.id, role: ctx.user.role, unitId: ctx.user.unitId };
      if (!employee || !(await mayFollowUp(ctx.db, user, employee.unitId))) throw new TRPCError({ code: "NOT_FOUND" });
      const [ty, tm] = to.split("-").map(Number) as [number, number];
      const from = new Date(Date.UTC(ty, tm - 12, 1)).toISOString().slice(0, 7);
      const [months, history] = await Promise.all([
        employeeTimeline(await clickhouseOf(ctx), id, from, to),
        ctx.db.complianceFollowUp.findMany({ where: { employeeId: id }, orderBy: { createdAt: "desc" } }),
      ]);
      ctx.audited({ action: "compliance.employee.read", entityId: id });
      return { employee, from, to, months, history };
    }),
});
