// Leaders' dashboards: KPIs read from ClickHouse only. A unit head sees their own unit and its
// sub-units (another unit is FORBIDDEN); region-wide roles see everything.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { clickhouseOf, createTRPCRouter, roleProcedure, type Context } from "@/server/api/trpc";
import { isUnitWithin } from "@/server/unit-scope";
import { regionCalendar, type RegionCalendar } from "@/server/calendar";
import type { ClickHouse } from "@/server/clickhouse/types";
import { periodInput, resolvePeriod } from "../period";
import type { Scope } from "@/server/clickhouse/scope";
import { overview } from "./kpi";
import { servicePerformance } from "./services";
import { declaredPopulation as declaredPopulationOf, satisfactionView } from "./satisfaction";
import { installationRegion } from "@/server/region";
import type { Db } from "@/server/db/client";
import { scorecard } from "./scorecard";
import { attendanceView, ekinerjaView } from "./workforce";
import { today as todayIn } from "@/server/clock";
import { env } from "@/env";

export const DASHBOARD_ROLES = ["ADMIN", "LEADER", "HR", "UNIT_HEAD"] as const;

export const dashboardFilter = periodInput.and(
  z.object({
    unitId: z.string().min(1).max(64).optional(),
    serviceTypeId: z.string().min(1).max(64).optional(),
    /** "Today" in the region, for tests and benchmarks; the region's real today otherwise. */
    today: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
);

const regionCache = new WeakMap<Db, { calendar: RegionCalendar; at: number }>();

/**
 * The region's time zone and working-day calendar (one region per installation), from the relational
 * store like every other page; kept a minute per web instance, as the dashboards ask on every call.
 */
async function regionOf(db: Db): Promise<RegionCalendar> {
  const hit = regionCache.get(db);
  if (hit && Date.now() - hit.at < 60_000) return hit.calendar;
  const region = await installationRegion(db);
  const calendar = await regionCalendar(db, region?.id ?? "");
  regionCache.set(db, { calendar, at: Date.now() });
  return calendar;
}

/** The scope a caller may see: a unit head is held to their own unit and its sub-units. */
async function scopeFor(
  ctx: Context & { user: { role: string; unitId: string | null } },
  input: { unitId?: string; serviceTypeId?: string },
): Promise<Scope> {
  const { role, unitId } = ctx.user;
  if (role === "UNIT_HEAD") {
    if (!unitId) throw new TRPCError({ code: "FORBIDDEN" });
    const wanted = input.unitId ?? unitId;
    if (!(await isUnitWithin(ctx.db, wanted, unitId))) throw new TRPCError({ code: "FORBIDDEN" });
    return { unitId: wanted, serviceTypeId: input.serviceTypeId };
  }
  return { unitId: input.unitId, serviceTypeId: input.serviceTypeId };
}

/**
 * A dashboard query: the filter checked, the caller held to their scope, and what every view needs —
 * the analytics store, the region's time zone and today, and the resolved period.
 */
const dashboardProcedure = roleProcedure(...DASHBOARD_ROLES)
  .input(dashboardFilter)
  .use(async ({ ctx, input, next }) => {
    const scope = await scopeFor(ctx, input);
    const ch = await clickhouseOf(ctx);
    const { timezone, calendar } = await regionOf(ctx.db);
    const today = input.today ?? todayIn(timezone);
    return next({ ctx: { dash: { scope, ch, timezone, calendar, today, period: resolvePeriod(input, today) } } });
  });

export const dashboardRouter = createTRPCRouter({
  /** The service catalog for the filter (master data). */
  serviceTypes: roleProcedure(...DASHBOARD_ROLES).query(({ ctx }) =>
    ctx.db.serviceType.findMany({
      where: { active: true },
      select: { id: true, code: true, nameId: true, nameEn: true },
      orderBy: { code: "asc" },
    }),
  ),
  overview: dashboardProcedure.query(async ({ ctx }) => {
    const d = ctx.dash;
    const declared = [...(await declaredPopulation(ctx.db, d.ch, d.scope)).values()].reduce((a, b) => a + b, 0);
    return overview(d.ch, d.period, d.scope, {
      floor: env().IKM_MIN_RESPONDENTS,
      declaredPopulation: declared || null,
    });
  }),
  services: dashboardProcedure.query(({ ctx: { dash: d } }) =>
    servicePerformance(d.ch, d.period, d.scope, d.today, d.calendar),
  ),
  attendance: dashboardProcedure.query(({ ctx: { dash: d } }) => attendanceView(d.ch, d.period, d.scope)),
  ekinerja: dashboardProcedure.query(({ ctx: { dash: d } }) => ekinerjaView(d.ch, d.period, d.scope, d.today)),
  scorecard: dashboardProcedure.query(async ({ ctx }) => {
    const d = ctx.dash;
    return scorecard(d.ch, d.period, d.scope, {
      floor: env().IKM_MIN_RESPONDENTS,
      populationByUnit: await declaredPopulation(ctx.db, d.ch, d.scope),
    });
  }),
  satisfaction: dashboardProcedure.query(async ({ ctx }) => {
    const d = ctx.dash;
    return satisfactionView(
      d.ch,
      d.period,
      d.scope,
      await declaredPopulation(ctx.db, d.ch, d.scope),
      env().IKM_MIN_RESPONDENTS,
    );
  }),
});

/**
 * The people each unit in scope says it serves (service points): the IKM sample's population where no
 * completed requests tell it.
 */
async function declaredPopulation(db: Db, ch: ClickHouse, scope: Scope): Promise<Map<string, number>> {
  const population = await declaredPopulationOf(db);
  if (scope.unitId && population.size > 0) {
    const inScope = new Set(
      (
        await ch.query<{ u: string }>(
          `SELECT unit_id AS u FROM dim_unit GROUP BY unit_id HAVING has(argMax(path, version), {unit:String})`,
          { unit: scope.unitId },
        )
      ).map((r) => r.u),
    );
    for (const id of [...population.keys()]) if (!inScope.has(id)) population.delete(id);
  }
  return population;
}
