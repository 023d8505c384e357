import { createTRPCRouter, orNotFound, protectedProcedure, unitScopedProcedure } from "@/server/api/trpc";
import { unitSubtree } from "@/server/unit-scope";

export const unitsRouter = createTRPCRouter({
  /** The units this user may look at: all for region-wide roles, their own subtree for a unit head. */
  list: protectedProcedure.query(async ({ ctx }) => {
    const { role, unitId } = ctx.user;
    if (role === "UNIT_HEAD" || role === "EMPLOYEE") {
      if (!unitId) return [];
      const ids = role === "UNIT_HEAD" ? await unitSubtree(ctx.db, unitId) : [unitId];
      return ctx.db.unit.findMany({ where: { id: { in: ids } }, orderBy: { code: "asc" } });
    }
    return ctx.db.unit.findMany({ orderBy: { code: "asc" } });
  }),

  get: unitScopedProcedure("ADMIN", "LEADER", "HR", "UNIT_HEAD").query(async ({ ctx, input }) => {
    return orNotFound(
      await ctx.db.unit.findUnique({
        where: { id: input.unitId },
        include: {
          parent: { select: { id: true, name: true } },
          children: { select: { id: true, name: true, code: true } },
        },
      }),
    );
  }),
});
