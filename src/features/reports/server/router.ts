// The report pages' reads: the public index and a published report (no account), HR's list of versions and
// the preview of one. Drafting, publishing and discarding stay form posts (./actions.ts).
import { z } from "zod";
import { rolesFor } from "@/lib/navigation";
import { createTRPCRouter, orNotFound, publicProcedure, roleProcedure } from "@/server/api/trpc";
import { findPublished, publishedIndex, reportById, reportVersions } from "./reports";

const hrProcedure = roleProcedure(...rolesFor("/admin/laporan"));

export const reportsRouter = createTRPCRouter({
  index: publicProcedure.query(({ ctx }) => publishedIndex(ctx.db)),

  published: publicProcedure
    .input(
      z.object({
        region: z.string().max(64),
        period: z.string().max(16),
        version: z.number().int().min(1).max(9999).optional(),
      }),
    )
    .query(async ({ ctx, input }) =>
      orNotFound(await findPublished(ctx.db, input.region, input.period, input.version)),
    ),

  versions: hrProcedure.query(({ ctx }) => reportVersions(ctx.db)),

  byId: hrProcedure
    .input(z.object({ id: z.string().max(64) }))
    .query(async ({ ctx, input }) => orNotFound(await reportById(ctx.db, input.id))),
});
