import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { env } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit";
import { createTRPCRouter, roleProcedure } from "@/server/api/trpc";
import { endSessions } from "@/server/auth/sessions";
import { mailerFrom, type Mailer } from "@/server/mail";
import {
  bulkAccountsInput,
  canManageRole,
  createUserInput,
  listUsersInput,
  resetPasswordInput,
  updateUserInput,
} from "../schemas";
import { BulkConflictError, createBulkAccounts, planBulkAccounts } from "./bulk-accounts";
import { createUser, EmployeeLinkError, publicUserFields, UsernameTakenError } from "./create-user";
import { manageableAccount, resetPassword } from "./manage-accounts";

// Administrators manage every account; HR manages unit heads' and employees' (canManageRole).
const staff = roleProcedure("ADMIN", "HR");

/** How many planned accounts the preview lists (the counts cover all of them). */
export const PREVIEW_ROWS = 300;

let mailer: Mailer | null | undefined;
const accountMailer = () => (mailer === undefined ? (mailer = mailerFrom(env())) : mailer);

export const usersRouter = createTRPCRouter({
  list: staff.input(listUsersInput).query(async ({ ctx, input }) => {
    const where: Prisma.UserWhereInput = {
      ...(input.role ? { role: input.role } : {}),
      ...(input.q
        ? {
            OR: [
              { username: { contains: input.q.toLowerCase() } },
              { name: { contains: input.q, mode: "insensitive" } },
              { employee: { nip: { contains: input.q } } },
            ],
          }
        : {}),
    };
    const [users, total] = await Promise.all([
      ctx.db.user.findMany({
        where,
        select: { ...publicUserFields, mustChangePassword: true, email: true, unit: { select: { name: true } } },
        // the newest first: the accounts just made are where the page opens
        orderBy: [{ createdAt: "desc" }, { username: "asc" }],
        take: input.limit,
        skip: input.offset,
      }),
      ctx.db.user.count({ where }),
    ]);
    return { users, total, canEmail: accountMailer() !== null };
  }),

  create: staff.input(createUserInput).mutation(({ ctx, input }) => {
    if (!canManageRole(ctx.user.role, input.role))
      throw new TRPCError({ code: "FORBIDDEN", message: "accounts.error.notYours" });
    return createUser(ctx.db, ctx.actor, input).catch((err: unknown) => {
      if (err instanceof UsernameTakenError) throw new TRPCError({ code: "CONFLICT", message: err.message });
      if (err instanceof EmployeeLinkError) throw new TRPCError({ code: "BAD_REQUEST", message: err.message });
      throw err;
    });
  }),

  update: staff.input(updateUserInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id: input.id }, select: publicUserFields });
      if (!before) throw new TRPCError({ code: "NOT_FOUND" });
      // HR can neither touch an administrator's account nor make anyone one
      if (!canManageRole(ctx.user.role, before.role) || !canManageRole(ctx.user.role, input.role)) {
        throw new TRPCError({ code: "FORBIDDEN", message: "accounts.error.notYours" });
      }
      if (before.id === ctx.user.id && (!input.active || input.role !== before.role)) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "validation.cannotDemoteSelf" });
      }
      // deactivation, a new role or a new unit ends every session the account had
      const endsSessions =
        before.active !== input.active || before.role !== input.role || before.unitId !== input.unitId;
      const after = await tx.user.update({
        where: { id: input.id },
        data: {
          name: input.name,
          role: input.role,
          unitId: input.unitId,
          active: input.active,
          ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}),
        },
        select: publicUserFields,
      });
      await recordAudit(tx, ctx.actor, {
        action: "user.update",
        entity: "User",
        entityId: input.id,
        before,
        after: { ...after, sessionsEnded: endsSessions },
      });
      return after;
    }),
  ),

  /** A new one-time password: returned once (or e-mailed), never stored in plain text; the account's sessions end. */
  resetPassword: staff
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, { ...ctx.actor, role: ctx.user.role }, input, accountMailer())),

  /** Ends every session of a user (a lost phone, a shared computer): they sign in again. */
  signOutEverywhere: staff.input(z.object({ id: z.string().min(1).max(64) })).mutation(async ({ ctx, input }) => {
    await manageableAccount(ctx.db, { ...ctx.actor, role: ctx.user.role }, input.id);
    return endSessions(ctx.db, ctx.actor, input.id);
  }),

  /** Who the bulk creation would make accounts for (the first PREVIEW_ROWS of them), and who it leaves out. */
  bulkPreview: staff.input(bulkAccountsInput).query(async ({ ctx, input }) => {
    const plan = await planBulkAccounts(ctx.db, input);
    // names, NIPs and positions of employees: a read of employee-level data, so it is logged
    await recordAudit(ctx.db, ctx.actor, {
      action: "employee.read",
      entity: "Employee",
      entityId: "*",
      after: {
        via: "user.bulk_preview",
        unitId: input.unitId,
        position: input.position,
        rows: Math.min(plan.candidates.length, PREVIEW_ROWS),
      },
    });
    const heads = plan.candidates.filter((c) => c.role === "UNIT_HEAD").length;
    return {
      total: plan.candidates.length,
      heads,
      employees: plan.candidates.length - heads,
      rows: plan.candidates.slice(0, PREVIEW_ROWS),
      skipped: plan.skipped,
    };
  }),

  /** Makes the planned accounts, all or none; the one-time passwords are in this answer and nowhere else. */
  bulkCreate: staff.input(bulkAccountsInput).mutation(({ ctx, input }) =>
    createBulkAccounts(ctx.db, ctx.actor, input).catch((err: unknown) => {
      if (err instanceof BulkConflictError) throw new TRPCError({ code: "CONFLICT", message: err.message });
      throw err;
    }),
  ),
});
