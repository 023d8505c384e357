// The audit log: every mutating procedure calls recordAudit (in its transaction when it has one):
// who, what, when, and the state before and after.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "./db/client";

type Tx = Pick<Db, "auditLog">;

export interface Actor {
  id: string | null;
  name: string | null;
  clientKey?: string | null;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_FIELDS = new Set(["passwordHash", "password"]);

/** Drops secrets and turns dates/bigints into JSON-safe values. */
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (SECRET_FIELDS.has(key) ? undefined : typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorName: actor.name,
      clientKey: actor.clientKey ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    },
  });
}
