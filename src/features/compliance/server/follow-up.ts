// Follow-up of employees who skip e-Kinerja: contacted (with a note), later resolved. Append-only, audited;
// a unit head follows up their own unit and its sub-units only.
import type { FollowUpState, Role } from "@/generated/prisma/enums";
import { isUnitWithin } from "@/server/unit-scope";
import { recordAudit, type Actor } from "@/server/audit";
import type { Db } from "@/server/db/client";

export interface ComplianceUser extends Actor {
  id: string;
  role: Role;
  unitId: string | null;
}

/** True when the user may see and follow up this employee: HR/ADMIN anyone, a unit head their subtree. */
export async function mayFollowUp(db: Db, user: ComplianceUser, employeeUnitId: string): Promise<boolean> {
  if (user.role === "HR" || user.role === "ADMIN") return true;
  if (user.role === "UNIT_HEAD" && user.unitId) return isUnitWithin(db, employeeUnitId, user.unitId);
  return false;
}

export type FollowUpResult = { ok: true } | { ok: false; error: "compliance.error.note" | "compliance.error.notFound" };

export async function recordFollowUp(
  db: Db,
  user: ComplianceUser,
  employeeId: string,
  state: FollowUpState,
  note: string,
): Promise<FollowUpResult> {
  const text = note.trim();
  if (!text || text.length > 1000) return { ok: false, error: "compliance.error.note" };
  const employee = await db.employee.findUnique({ where: { id: employeeId }, select: { id: true, unitId: true } });
  // another unit's employee is answered as an unknown one, so the answer never tells that an id exists
  if (!employee || !(await mayFollowUp(db, user, employee.unitId)))
    return { ok: false, error: "compliance.error.notFound" };
  await db.$transaction(async (tx) => {
    const before = await tx.complianceFollowUp.findFirst({
      where: { employeeId },
      orderBy: { createdAt: "desc" },
      select: { state: true },
    });
    const row = await tx.complianceFollowUp.create({
      data: { employeeId, state, note: text, actorId: user.id, actorName: user.name },
    });
    await recordAudit(tx, user, {
      action: `compliance.${state.toLowerCase()}`,
      entity: "Employee",
      entityId: employeeId,
      before,
      after: { state, note: text, followUpId: row.id },
    });
  });
  return { ok: true };
}

/** The latest follow-up of each of these employees. */
export async function latestFollowUps(db: Db, employeeIds: readonly string[]) {
  if (employeeIds.length === 0)
    return new Map<string, { state: FollowUpState; createdAt: Date; actorName: string | null }>();
  const rows = await db.complianceFollowUp.findMany({
    where: { employeeId: { in: [...employeeIds] } },
    orderBy: { createdAt: "desc" },
    distinct: ["employeeId"],
    select: { employeeId: true, state: true, createdAt: true, actorName: true },
  });
  return new Map(rows.map((r) => [r.employeeId, r]));
}
