import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordAudit } from "@/server/audit";
import { hashPassword } from "@/server/auth/password";
import { createTRPCRouter, roleProcedure } from "@/server/api/trpc";
import { createUserInput, resetPasswordInput, updateUserInput } from "../schemas";
import { endSessions } from "@/server/auth/sessions";
import { createUser, EmployeeLinkError, publicUserFields, UsernameTakenError } from "./create-user";

const admin = roleProcedure("ADMIN");

export const usersRouter = createTRPCRouter({
  list: admin.query(({ ctx }) =>
    ctx.db.user.findMany({ select: { ...publicUserFields, unit: { select: { name: true } } }, orderBy: { username: "asc" } }),
  ),

  create: admin.input(createUserInput).mutation(({ ctx, input }) =>
    createUser(ctx.db, ctx.actor, input).catch((err: unknown) => {
      if (err instanceof UsernameTakenError) throw new TRPCError({ code: "CONFLICT", message: err.message });
      if (err instanceof EmployeeLinkError) throw new TRPCError({ code: "BAD_REQUEST", message: err.message });
      throw err;
    }),
  ),

  update: admin.input(updateUserInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id: input.id }, select: publicUserFields });
      if (!before) throw new TRPCError({ code: "NOT_FOUND" });
      if (before.id === ctx.user.id && (!input.active || input.role !== "ADMIN")) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "validation.cannotDemoteSelf" });
      }
      // deactivation, a new role or a new unit ends every session the account had
      const endsSessions = before.active !== input.active || before.role !== input.role || before.unitId !== input.unitId;
      const after = await tx.user.update({
        where: { id: input.id },
        data: { name: input.name, role: input.role, unitId: input.unitId, active: input.active, ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}) },
        select: publicUserFields,
      });
      await recordAudit(tx, ctx.actor, { action: "user.update", entity: "User", entityId: input.id, before, after: { ...after, sessionsEnded: endsSessions } });
      return after;
    }),
  ),

  resetPassword: admin.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashPassword(input.password);
    await ctx.db.$transaction(async (tx) => {
      const exists = await tx.user.findUnique({ where: { id: input.id }, select: { id: true } });
      if (!exists) throw new TRPCError({ code: "NOT_FOUND" });
      await tx.user.update({ where: { id: input.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await recordAudit(tx, ctx.actor, { action: "user.reset_password", entity: "User", entityId: input.id, after: { sessionsEnded: true } });
    });
    return { ok: true };
  }),

  /** Ends every session of a user (a lost phone, a shared computer): they sign in again. */
  signOutEverywhere: admin.input(z.object({ id: z.string().min(1).max(64) })).mutation(({ ctx, input }) => endSessions(ctx.db, ctx.actor, input.id)),
});
