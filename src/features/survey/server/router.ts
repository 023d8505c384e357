// Suggestions and complaints from the survey, for leaders and HR (a unit head: their own units). The
// contact is shown to HR only, who follow complaints up; each follow-up change is audited.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { env } from "@/env";
import { ikmFromSums, ikmSample, ikmShown, scoresOf } from "@/lib/domain/ikm";
import { recordAudit } from "@/server/audit";
import { periodInput, resolvePeriod } from "@/features/dashboard/period";
import { regionTimezone } from "@/server/calendar";
import { rolesFor } from "@/lib/navigation";
import { createTRPCRouter, orNotFound, publicProcedure, roleProcedure } from "@/server/api/trpc";
import { isUnitWithin, unitSubtree } from "@/server/unit-scope";
import { today as todayIn } from "@/server/clock";
import { surveyExport } from "./export";
import {
  FEEDBACK_PAGE_SIZE,
  feedbackPage,
  handlerRatings,
  inviteSurvey,
  pointSurvey,
  servicePoint,
  surveyAdmin,
  surveyPeriods,
} from "./queries";

const FOLLOW_UP = ["OPEN", "IN_PROGRESS", "RESOLVED"] as const;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const surveyRouter = createTRPCRouter({
  /** The public form of a service point (its link or QR code); null when the point is unknown or closed. */
  pointForm: publicProcedure
    .input(z.object({ code: z.string().max(80) }))
    .query(({ ctx, input }) => pointSurvey(ctx.db, input.code)),

  /** The public form of a one-time link, or why it cannot be answered. */
  inviteForm: publicProcedure
    .input(z.object({ token: z.string().max(200) }))
    .query(({ ctx, input }) => inviteSurvey(ctx.db, input.token)),

  /** Every response as a table for the CSV download; an audited read. */
  export: roleProcedure("ADMIN", "HR").query(async ({ ctx }) => {
    const table = await surveyExport(ctx.db);
    await recordAudit(ctx.db, ctx.actor, {
      action: "survey.export",
      entity: "SurveyResponse",
      entityId: "*",
      after: { rows: table.length - 1 },
    });
    return table;
  }),

  /** The latest survey periods, for the satisfaction dashboard's links. */
  periods: roleProcedure(...rolesFor("/dasbor")).query(({ ctx }) => surveyPeriods(ctx.db)),

  /** HR's survey administration: service points, periods and the elements' wording. */
  admin: roleProcedure(...rolesFor("/admin/survei")).query(({ ctx }) => surveyAdmin(ctx.db)),

  /** One service point, for its printable QR page. */
  point: roleProcedure(...rolesFor("/admin/survei"))
    .input(z.object({ id: z.string().max(64) }))
    .query(async ({ ctx, input }) => {
      return orNotFound(await servicePoint(ctx.db, input.id));
    }),

  /**
   * What respondents wrote in the dashboard's period and scope (unit and its sub-units, service), the same
   * answers the satisfaction card above counts: days in the region's time zone.
   */
  feedback: roleProcedure("ADMIN", "LEADER", "HR", "UNIT_HEAD")
    .input(
      periodInput.and(
        z.object({
          only: z.enum(["all", "complaints", "open"]).default("all"),
          page: z.number().int().min(0).max(10_000).default(0),
          unitId: z.string().min(1).max(64).optional(),
          serviceTypeId: z.string().min(1).max(64).optional(),
          /** "Today" in the region, for tests; the region's real today otherwise. */
          today: day.optional(),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      // a unit head is held to their own unit and its sub-units, as on the dashboards
      const own = ctx.user.role === "UNIT_HEAD" ? ctx.user.unitId : null;
      if (ctx.user.role === "UNIT_HEAD" && !own) throw new TRPCError({ code: "FORBIDDEN" });
      const root = input.unitId ?? own;
      if (own && root && !(await isUnitWithin(ctx.db, root, own))) throw new TRPCError({ code: "FORBIDDEN" });
      const units = root ? await unitSubtree(ctx.db, root) : null;
      const timezone = await regionTimezone(ctx.db);
      const period = resolvePeriod(input, input.today ?? todayIn(timezone)).current;
      const showContact = ctx.user.role === "HR" || ctx.user.role === "ADMIN";
      const { rows, total } = await feedbackPage(ctx.db, {
        ...period,
        timezone,
        units,
        serviceTypeId: input.serviceTypeId,
        only: input.only,
        page: input.page,
        withContact: showContact,
      });
      if (showContact && rows.some((r) => r.contact)) {
        await recordAudit(ctx.db, ctx.actor, {
          action: "survey.feedback.read",
          entity: "SurveyResponse",
          entityId: "*",
          after: { page: input.page, only: input.only },
        });
      }
      return { rows, total, pageSize: FEEDBACK_PAGE_SIZE, canFollowUp: showContact };
    }),

  /**
   * The people who handled requests that were rated through their one-time link, with the IKM of those
   * ratings: for HR only, and every read is logged (it evaluates named employees).
   */
  handlers: roleProcedure("ADMIN", "HR")
    .input(z.object({ from: day, to: day }))
    .query(async ({ ctx, input }) => {
      const rows = await handlerRatings(ctx.db, input.from, input.to, await regionTimezone(ctx.db));
      await recordAudit(ctx.db, ctx.actor, {
        action: "survey.handlers.read",
        entity: "SurveyResponse",
        entityId: "*",
        after: input,
      });
      return rows.map((r) => {
        const result = ikmFromSums(
          scoresOf((e) => Number(r[e.toLowerCase()])),
          Number(r.n),
        );
        // a person is not graded on a handful of ratings (ikm.ts; who they served is not counted here)
        const sample = ikmSample(result.respondents, null, env().IKM_MIN_RESPONDENTS);
        const shown = ikmShown(sample);
        return {
          actor: r.actor,
          respondents: result.respondents,
          ikm: shown ? result.converted : null,
          grade: shown ? result.grade : null,
          weakest: shown ? result.weakest : null,
          minimum: sample.minimum,
        };
      });
    }),

  setFollowUp: roleProcedure("ADMIN", "HR")
    .input(z.object({ id: z.string().min(1).max(64), state: z.enum(FOLLOW_UP) }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.$transaction(async (tx) => {
        const before = await tx.surveyResponse.findUnique({
          where: { id: input.id },
          select: { id: true, isComplaint: true, followUp: true },
        });
        if (!before || !before.isComplaint) throw new TRPCError({ code: "NOT_FOUND" });
        if (before.followUp === input.state) return before; // a double click does one thing
        const after = await tx.surveyResponse.update({
          where: { id: input.id },
          data: { followUp: input.state },
          select: { id: true, isComplaint: true, followUp: true },
        });
        await recordAudit(tx, ctx.actor, {
          action: "survey.followup",
          entity: "SurveyResponse",
          entityId: input.id,
          before,
          after,
        });
        return after;
      });
    }),
});
