import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "@/server/api/trpc";

export const auditRouter = createTRPCRouter({
  list: roleProcedure("ADMIN")
    .input(
      z
        .object({ limit: z.number().int().min(1).max(200).default(50), entity: z.string().max(64).optional() })
        .default({ limit: 50 }),
    )
    .query(({ ctx, input }) =>
      ctx.db.auditLog.findMany({
        where: input.entity ? { entity: input.entity } : undefined,
        orderBy: { id: "desc" },
        take: input.limit,
      }),
    ),
});
