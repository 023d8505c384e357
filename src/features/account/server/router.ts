import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) =>
    ctx.db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { id: true, username: true, name: true, role: true, lastLoginAt: true, unit: { select: { id: true, name: true } } },
    }),
  ),
});
