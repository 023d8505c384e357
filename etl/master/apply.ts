// Master data in and out of the relational store: the state a plan is made against, and applying a
// plan in one transaction (all of it or nothing), every change in the audit log. The ETL then sends
// the changed units and employees to ClickHouse as new versions of their dimension rows.
import type { Actor } from "@/server/audit";
import type { Db } from "@/server/db/client";
import { withEtlLease } from "../run";
import type { EmployeeState, MasterState, Plan, PlanCounts } from "./plan";

/** The import was applied or cancelled by someone else meanwhile. */
export class ImportClosedError extends Error {}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function loadMasterState(db: Db, regionId: string): Promise<MasterState> {
  const [units, employees] = await Promise.all([
    db.unit.findMany({
      where: { regionId },
      select: { id: true, code: true, name: true, parentId: true, active: true },
    }),
    db.employee.findMany({
      where: { regionId },
      select: {
        id: true,
        nip: true,
        unitId: true,
        name: true,
        employmentType: true,
        gender: true,
        rank: true,
        position: true,
        appointedOn: true,
        retiredOn: true,
        active: true,
      },
    }),
  ]);
  // NIPs are unique across regions: an employee of another region is found too, and refused by the plan.
  return {
    regionId,
    units,
    employees: employees.map((e) => ({ ...e, appointedOn: day(e.appointedOn)!, retiredOn: day(e.retiredOn) })),
  };
}

/** NIPs of the file that belong to another region's employees (so the plan can refuse those rows). */
export async function foreignEmployees(db: Db, regionId: string, nips: string[]): Promise<EmployeeState[]> {
  const out: EmployeeState[] = [];
  for (let i = 0; i < nips.length; i += 10_000) {
    const found = await db.employee.findMany({
      where: { nip: { in: nips.slice(i, i + 10_000) }, NOT: { regionId } },
      select: {
        id: true,
        nip: true,
        unitId: true,
        name: true,
        employmentType: true,
        gender: true,
        rank: true,
        position: true,
        appointedOn: true,
        retiredOn: true,
        active: true,
      },
    });
    out.push(...found.map((e) => ({ ...e, appointedOn: day(e.appointedOn)!, retiredOn: day(e.retiredOn) })));
  }
  return out;
}

const CHUNK = 2000;

const EMPLOYEE_UPDATE = `
UPDATE "Employee" e SET
  "unitId" = x."unitId", name = x.name, "employmentType" = x."employmentType"::"EmploymentType",
  gender = x.gender::"Gender", rank = x.rank, position = x.position, "appointedOn" = x."appointedOn"::date,
  "retiredOn" = x."retiredOn"::date, active = x.active, "updatedAt" = now()
FROM jsonb_to_recordset($1::jsonb) AS x(id text, "unitId" text, name text, "employmentType" text, gender text, rank text,
  position text, "appointedOn" text, "retiredOn" text, active boolean)
WHERE e.id = x.id`;

// Inserts as one statement per chunk, the rows as one JSON parameter: far quicker than row parameters.
const EMPLOYEE_INSERT = `
INSERT INTO "Employee" (id, "regionId", "unitId", nip, name, "employmentType", gender, rank, position, "appointedOn", "retiredOn", active, "createdAt", "updatedAt")
SELECT x.id, x."regionId", x."unitId", x.nip, x.name, x."employmentType"::"EmploymentType", x.gender::"Gender", x.rank, x.position,
  x."appointedOn"::date, x."retiredOn"::date, x.active, now(), now()
FROM jsonb_to_recordset($1::jsonb) AS x(id text, "regionId" text, "unitId" text, nip text, name text, "employmentType" text, gender text,
  rank text, position text, "appointedOn" text, "retiredOn" text, active boolean)`;

const AUDIT_INSERT = `
INSERT INTO "AuditLog" ("actorId", "actorName", "clientKey", action, entity, "entityId", before, after)
SELECT x."actorId", x."actorName", x."clientKey", x.action, x.entity, x."entityId", x.before, x.after
FROM jsonb_to_recordset($1::jsonb) AS x("actorId" text, "actorName" text, "clientKey" text, action text, entity text, "entityId" text, before jsonb, after jsonb)`;

const UNIT_UPDATE = `
UPDATE "Unit" u SET name = x.name, "parentId" = x."parentId", active = x.active, "updatedAt" = now()
FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, "parentId" text, active boolean)
WHERE u.id = x.id`;

interface AuditRow {
  actorId: string | null;
  actorName: string | null;
  clientKey: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

function audit(
  actor: Actor,
  action: string,
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
): AuditRow {
  return {
    actorId: actor.id,
    actorName: actor.name,
    clientKey: actor.clientKey ?? null,
    action,
    entity,
    entityId,
    before,
    after,
  };
}

/**
 * Applies a plan: all of it in one transaction, or nothing. Runs under the ETL lease (see withEtlLease)
 * so the ETL never reads half of a long import.
 */
export async function applyPlan(
  db: Db,
  actor: Actor,
  regionId: string,
  plan: Plan,
  meta: { importId: number; fileName: string },
): Promise<PlanCounts> {
  return withEtlLease(db, () =>
    db.$transaction(
      async (tx) => {
        // Claimed first: a second apply of the same preview (two tabs, two administrators) or a cancel
        // in between finds it no longer a preview, and this transaction stores nothing.
        const claimed = await tx.masterImport.updateMany({
          where: { id: meta.importId, status: "PREVIEW" },
          data: { status: "APPLIED", appliedAt: new Date() },
        });
        if (claimed.count !== 1) throw new ImportClosedError();
        const audits: AuditRow[] = [];
        // Units: new ones first without a parent (a parent may be new too), then every parent and change.
        const created = plan.units.filter((u) => !u.before);
        for (let i = 0; i < created.length; i += CHUNK) {
          await tx.unit.createMany({
            data: created
              .slice(i, i + CHUNK)
              .map((u) => ({ id: u.id, regionId, code: u.code, name: u.name, active: u.active })),
          });
        }
        const withParent = plan.units.filter((u) => u.before || u.parentId);
        for (let i = 0; i < withParent.length; i += CHUNK) {
          const chunk = withParent
            .slice(i, i + CHUNK)
            .map((u) => ({ id: u.id, name: u.name, parentId: u.parentId, active: u.active }));
          await tx.$executeRawUnsafe(UNIT_UPDATE, JSON.stringify(chunk));
        }
        for (const u of plan.units) {
          const after = { code: u.code, name: u.name, parentId: u.parentId, active: u.active };
          const action = !u.before ? "unit.create" : u.before.active && !u.active ? "unit.deactivate" : "unit.update";
          audits.push(audit(actor, action, "Unit", u.id, u.before, after));
        }
        // Employees.
        const fresh = plan.employees.filter((e) => !e.before);
        for (let i = 0; i < fresh.length; i += CHUNK) {
          await tx.$executeRawUnsafe(
            EMPLOYEE_INSERT,
            JSON.stringify(fresh.slice(i, i + CHUNK).map(({ after: e }) => ({ ...e, regionId }))),
          );
        }
        const changed = plan.employees.filter((e) => e.before);
        for (let i = 0; i < changed.length; i += CHUNK) {
          await tx.$executeRawUnsafe(EMPLOYEE_UPDATE, JSON.stringify(changed.slice(i, i + CHUNK).map((e) => e.after)));
        }
        for (const e of plan.employees) {
          const action = !e.before
            ? "employee.create"
            : e.before.active && !e.after.active
              ? "employee.deactivate"
              : e.moved
                ? "employee.move"
                : "employee.update";
          // The audit log (administrators only) keeps the record as it was and became, NIP included.
          audits.push(audit(actor, action, "Employee", e.after.id, e.before, e.after));
        }
        audits.push(
          audit(actor, "master.apply", "MasterImport", String(meta.importId), null, {
            file: meta.fileName,
            kind: plan.kind,
            ...plan.counts,
          }),
        );
        for (let i = 0; i < audits.length; i += CHUNK)
          await tx.$executeRawUnsafe(AUDIT_INSERT, JSON.stringify(audits.slice(i, i + CHUNK)));
        await tx.masterImport.update({
          where: { id: meta.importId },
          data: { summary: { counts: { ...plan.counts }, problems: plan.problems.slice(0, 200) } as never },
        });
        return plan.counts;
      },
      { timeout: 300_000, maxWait: 30_000 },
    ),
  );
}
