// tRPC, read top to bottom: context → init (transformer, error shape) → procedures by role.
import { initTRPC, TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { recordAudit, type Actor, type AuditEntry } from "../audit";
import { clientKeyFrom } from "../auth/authenticate";
import type { ClickHouse } from "../clickhouse/types";
import type { Db } from "../db/client";
import { isUnitWithin } from "../unit-scope";

export interface Context {
  db: Db;
  session: Session | null;
  clientKey: string;
  /** The analytics store, opened on first use (tests pass their own). */
  clickhouse?: () => Promise<ClickHouse>;
}

/** The context for an HTTP request (route handler) or a server component. */
export async function createTRPCContext(opts: { headers: Headers }): Promise<Context> {
  const [{ getDb }, { getSession }, { getClickHouse }] = await Promise.all([
    import("../db"),
    import("../auth"),
    import("../clickhouse"),
  ]);
  return {
    db: await getDb(),
    session: await getSession(),
    clientKey: clientKeyFrom(opts.headers),
    clickhouse: getClickHouse,
  };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // what broke inside stays in the server log (route onError); the browser gets the catalog's words for it
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? "error.body" : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** True when some string in the value holds a NUL (the database refuses it; no field of Pantau's has one). */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\0");
  if (depth > 20 || value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([k, v]) => k.includes("\0") || holdsNul(v, depth + 1));
}

/** Every procedure: an input with a NUL byte is a bad request, answered before it reaches a store. */
const base = t.procedure.use(async ({ getRawInput, next }) => {
  if (holdsNul(await getRawInput())) throw new TRPCError({ code: "BAD_REQUEST", message: "validation.text" });
  return next();
});

export const publicProcedure = base;

/** A read's value, or NOT_FOUND when there is none (the page shows its 404; an unknown and a forbidden row look alike). */
export function orNotFound<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new TRPCError({ code: "NOT_FOUND" });
  return value;
}

export const protectedProcedure = base.use(({ ctx, next }) => {
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

/** The analytics store of a request (tests pass their own through the context). */
export async function clickhouseOf(ctx: Context): Promise<ClickHouse> {
  if (ctx.clickhouse) return ctx.clickhouse();
  const { getClickHouse } = await import("../clickhouse");
  return getClickHouse();
}

/**
 * A read of employee-level data (UU PDP 27/2022: every such read by a person is a deliberate, logged
 * act). The procedure says what it read with `ctx.audited({ action, entityId, after })`; the entry is
 * written once the read has succeeded, and a procedure that read without saying so fails instead of
 * answering. Pages, exports and API calls make these reads through here only.
 */
export const employeeReadProcedure = (...roles: Role[]) =>
  roleProcedure(...roles).use(async ({ ctx, next, path }) => {
    let entry: Omit<AuditEntry, "entity"> | null = null;
    const result = await next({ ctx: { audited: (e: Omit<AuditEntry, "entity">) => void (entry = e) } });
    if (!result.ok) return result;
    if (!entry)
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `${path}: employee read without an audit entry` });
    await recordAudit(ctx.db, ctx.actor, { entity: "Employee", ...(entry as Omit<AuditEntry, "entity">) });
    return result;
  });
