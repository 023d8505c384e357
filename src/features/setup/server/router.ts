// The setup and settings pages' reads: the first administrator's one-time link (public), the region, its
// calendar and service catalog (ADMIN and HR), the getting-started checklist (ADMIN). Writes stay form posts.
import { z } from "zod";
import { rolesFor } from "@/lib/navigation";
import { createTRPCRouter, orNotFound, publicProcedure, roleProcedure } from "@/server/api/trpc";
import { installationRegion } from "@/server/region";
import { setupTokenState } from "./first-admin";
import { calendarYear, checklist, serviceType, serviceTypes } from "./queries";

const settingsProcedure = roleProcedure(...rolesFor("/admin/pengaturan"));
const regionId = async (db: Parameters<typeof installationRegion>[0]) => orNotFound(await installationRegion(db)).id;

export const setupRouter = createTRPCRouter({
  /** Whether a first-administrator link can still be used (no account needed: it is the way in). */
  link: publicProcedure
    .input(z.object({ token: z.string().max(200) }))
    .query(async ({ ctx, input }) => ({ state: await setupTokenState(ctx.db, input.token) })),

  /** The installation's region, or null before it is set up. */
  region: settingsProcedure.query(({ ctx }) => installationRegion(ctx.db)),

  checklist: roleProcedure(...rolesFor("/admin/mulai")).query(({ ctx }) => checklist(ctx.db)),

  calendar: settingsProcedure
    .input(z.object({ year: z.number().int().min(2000).max(2100) }))
    .query(async ({ ctx, input }) => calendarYear(ctx.db, await regionId(ctx.db), input.year)),

  services: settingsProcedure.query(async ({ ctx }) => serviceTypes(ctx.db, await regionId(ctx.db))),

  service: settingsProcedure
    .input(z.object({ id: z.string().max(64) }))
    .query(async ({ ctx, input }) => orNotFound(await serviceType(ctx.db, await regionId(ctx.db), input.id))),
});
