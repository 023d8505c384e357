import type { Db } from "@/server/db/client";
import { recordAudit, type Actor } from "@/server/audit";
import { hashPassword } from "@/server/auth/password";
import type { CreateUserInput } from "../schemas";

export class UsernameTakenError extends Error {
  constructor(readonly username: string) {
    super("validation.usernameTaken");
    this.name = "UsernameTakenError";
  }
}

export class EmployeeLinkError extends Error {
  constructor(readonly key: "validation.nipUnknown" | "validation.nipTaken") {
    super(key);
    this.name = "EmployeeLinkError";
  }
}

export const publicUserFields = {
  id: true,
  username: true,
  name: true,
  role: true,
  unitId: true,
  active: true,
  lastLoginAt: true,
  createdAt: true,
} as const;

/** Creates a user and records it in the audit log: the users screen and the first-admin CLI both use it. */
export async function createUser(db: Db, actor: Actor, input: CreateUserInput) {
  if (await db.user.findUnique({ where: { username: input.username } })) throw new UsernameTakenError(input.username);
  const employee = input.nip
    ? await db.employee.findUnique({ where: { nip: input.nip }, select: { id: true, unitId: true } })
    : null;
  if (input.nip && !employee) throw new EmployeeLinkError("validation.nipUnknown");
  if (employee && (await db.user.findUnique({ where: { employeeId: employee.id }, select: { id: true } })))
    throw new EmployeeLinkError("validation.nipTaken");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        username: input.username,
        name: input.name,
        role: input.role,
        unitId: input.unitId ?? employee?.unitId ?? null,
        passwordHash,
        employeeId: employee?.id ?? null,
        email: input.email ?? null,
      },
      select: publicUserFields,
    });
    await recordAudit(tx, actor, { action: "user.create", entity: "User", entityId: user.id, after: user });
    return user;
  });
}
