import { endSessions } from "@/server/auth/sessions";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) =>
    ctx.db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: {
        id: true,
        username: true,
        name: true,
        role: true,
        lastLoginAt: true,
        unit: { select: { id: true, name: true } },
      },
    }),
  ),
  /** Signs this account out on every browser, this one included. */
  signOutEverywhere: protectedProcedure.mutation(({ ctx }) => endSessions(ctx.db, ctx.actor, ctx.user.id)),
});
