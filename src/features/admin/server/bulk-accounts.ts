// Accounts for real people, in bulk: one per employee found by unit (and its sub-units) and position,
// linked by NIP, with a one-time password each that is returned once and never stored in plain text.
//
// The username is the NIP. Every employee knows theirs (it is on every decree and in MyASN/SIASN,
// whose sign-in uses it too), it is unique by construction and never changes when a name is corrected
// or a title (gelar) is added, so a second run gives the same names and a help desk can tell a user's
// name from their NIP without a look-up. Name-based names need numbered suffixes on collision, which
// depend on who was created first. The cost: a NIP is personal data, and usernames are seen only by
// HR and administrators, who see NIPs already.
import type { Role } from "@/generated/prisma/enums";
import { recordAudit, type Actor } from "@/server/audit";
import { hashOneTimePassword, oneTimePassword } from "@/server/auth/password";
import { unitSubtree } from "@/server/unit-scope";
import type { Db } from "@/server/db/client";
import type { BulkAccountsInput } from "../schemas";

export type SkipReason = "hasAccount" | "inactive" | "retired" | "usernameTaken";

export interface BulkCandidate {
  employeeId: string;
  nip: string;
  name: string;
  position: string;
  unitId: string;
  unitName: string;
  role: Extract<Role, "UNIT_HEAD" | "EMPLOYEE">;
  username: string;
  /** Why the role: the position rule, or chosen by hand. */
  byHand: boolean;
}

export interface BulkPlan {
  candidates: BulkCandidate[];
  skipped: Record<SkipReason, number>;
}

export interface CreatedAccount {
  username: string;
  password: string;
  name: string;
  nip: string;
  role: BulkCandidate["role"];
  unitName: string;
}

/** The username an employee's account gets (see the top of this file for why). */
export const usernameFor = (nip: string) => nip;

/** Who would get an account, as what, and who is left out and why. Reads only. */
export async function planBulkAccounts(db: Db, input: BulkAccountsInput, today = new Date()): Promise<BulkPlan> {
  const unitIds = input.unitId ? await unitSubtree(db, input.unitId) : null;
  const employees = await db.employee.findMany({
    where: {
      ...(unitIds ? { unitId: { in: unitIds } } : {}),
      ...(input.position ? { position: { contains: input.position, mode: "insensitive" as const } } : {}),
    },
    select: {
      id: true,
      nip: true,
      name: true,
      position: true,
      unitId: true,
      active: true,
      retiredOn: true,
      unit: { select: { name: true } },
      users: { select: { id: true } },
    },
    orderBy: [{ unit: { name: "asc" } }, { name: "asc" }, { nip: "asc" }],
  });
  const taken = new Set(
    (
      await db.user.findMany({
        where: { username: { in: employees.map((e) => usernameFor(e.nip)) } },
        select: { username: true },
      })
    ).map((u) => u.username),
  );
  const heads = new Set(input.headIds);
  const plain = new Set(input.employeeIds);
  const prefix = input.headPrefix.toLocaleLowerCase("id");
  const skipped: Record<SkipReason, number> = { hasAccount: 0, inactive: 0, retired: 0, usernameTaken: 0 };
  const candidates: BulkCandidate[] = [];
  for (const e of employees) {
    const byHand = heads.has(e.id) || plain.has(e.id);
    const role = heads.has(e.id)
      ? "UNIT_HEAD"
      : plain.has(e.id)
        ? "EMPLOYEE"
        : prefix && e.position.toLocaleLowerCase("id").startsWith(prefix)
          ? "UNIT_HEAD"
          : "EMPLOYEE";
    if (input.include === "heads" && role !== "UNIT_HEAD") continue;
    if (input.include === "employees" && role !== "EMPLOYEE") continue;
    const reason: SkipReason | null =
      e.users.length > 0
        ? "hasAccount"
        : !e.active
          ? "inactive"
          : e.retiredOn && e.retiredOn <= today
            ? "retired"
            : taken.has(usernameFor(e.nip))
              ? "usernameTaken"
              : null;
    if (reason) {
      skipped[reason]++;
      continue;
    }
    candidates.push({
      employeeId: e.id,
      nip: e.nip,
      name: e.name,
      position: e.position,
      unitId: e.unitId,
      unitName: e.unit.name,
      role,
      username: usernameFor(e.nip),
      byHand,
    });
  }
  return { candidates, skipped };
}

export class BulkConflictError extends Error {
  constructor() {
    super("accounts.bulk.conflict");
    this.name = "BulkConflictError";
  }
}

/**
 * Creates every planned account in one transaction: all of them, or (a clash with an account made
 * meanwhile, a failure half-way) none. Hashing runs before the transaction, so it holds no lock while
 * the CPU works. Each account is audited; the passwords exist only in the returned list.
 */
export async function createBulkAccounts(
  db: Db,
  actor: Actor,
  input: BulkAccountsInput,
  today = new Date(),
): Promise<{ created: CreatedAccount[]; skipped: BulkPlan["skipped"] }> {
  const plan = await planBulkAccounts(db, input, today);
  const rows: { c: BulkCandidate; password: string; passwordHash: string }[] = [];
  for (const c of plan.candidates) {
    const password = oneTimePassword();
    rows.push({ c, password, passwordHash: await hashOneTimePassword(password) });
  }
  try {
    await db.$transaction(
      async (tx) => {
        const made = await tx.user.createManyAndReturn({
          data: rows.map(({ c, passwordHash }) => ({
            username: c.username,
            name: c.name,
            role: c.role,
            unitId: c.unitId,
            employeeId: c.employeeId,
            passwordHash,
            mustChangePassword: true,
          })),
          select: { id: true, username: true, role: true, unitId: true, employeeId: true },
        });
        await recordAudit(tx, actor, {
          action: "user.bulk_create",
          entity: "User",
          after: {
            filter: { ...input, headIds: input.headIds.length, employeeIds: input.employeeIds.length },
            created: made.length,
            skipped: plan.skipped,
          },
        });
        // one row per account, as createUser writes it, in one statement (recordAudit's one-by-one inserts
        // were a third of the time for thousands); these rows hold ids and roles only, nothing secret
        await tx.auditLog.createMany({
          data: made.map((u) => ({
            actorId: actor.id,
            actorName: actor.name,
            clientKey: actor.clientKey ?? null,
            action: "user.create",
            entity: "User",
            entityId: u.id,
            after: { ...u, mustChangePassword: true, via: "bulk" },
          })),
        });
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (err) {
    // P2002: a username or employee got an account between the plan and the insert
    if ((err as { code?: string }).code === "P2002") throw new BulkConflictError();
    throw err;
  }
  return {
    created: rows.map(({ c, password }) => ({
      username: c.username,
      password,
      name: c.name,
      nip: c.nip,
      role: c.role,
      unitName: c.unitName,
    })),
    skipped: plan.skipped,
  };
}
