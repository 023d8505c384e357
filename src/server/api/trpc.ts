// tRPC, read top to bottom: context → init (transformer, error shape) → procedures by role.
import { initTRPC, TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "../audit";
import { clientKeyFrom } from "../auth/authenticate";
import type { ClickHouse } from "../clickhouse/types";
import type { Db } from "../db/client";
import { isUnitWithin } from "./unit-scope";

export interface Context {
  db: Db;
  session: Session | null;
  clientKey: string;
  /** The analytics store, opened on first use (tests pass their own). */
  clickhouse?: () => Promise<ClickHouse>;
}

/** The context for an HTTP request (route handler) or a server component. */
export async function createTRPCContext(opts: { headers: Headers }): Promise<Context> {
  const [{ getDb }, { getSession }, { getClickHouse }] = await Promise.all([import("../db"), import("../auth"), import("../clickhouse")]);
  return { db: await getDb(), session: await getSession(), clientKey: clientKeyFrom(opts.headers), clickhouse: getClickHouse };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure;

export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session?.user) throw new TRPCError({ code: "UNAUTHORIZED" });
  const user = ctx.session.user;
  const actor: Actor = { id: user.id, name: user.name, clientKey: ctx.clientKey };
  return next({ ctx: { ...ctx, session: ctx.session, user, actor } });
});

export const roleProcedure = (...roles: Role[]) =>
  protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) throw new TRPCError({ code: "FORBIDDEN" });
    return next();
  });

/**
 * For procedures about one unit (input `unitId`): a unit head may only ask about their own unit
 * and its sub-units; everyone else in `roles` sees all units.
 */
export const unitScopedProcedure = (...roles: Role[]) =>
  roleProcedure(...roles)
    .input(z.object({ unitId: z.string().min(1).max(64) }))
    .use(async ({ ctx, input, next }) => {
      if (ctx.user.role === "UNIT_HEAD") {
        if (!ctx.user.unitId || !(await isUnitWithin(ctx.db, input.unitId, ctx.user.unitId))) {
          throw new TRPCError({ code: "FORBIDDEN" });
        }
      }
      return next();
    });
