// Outages HR records: e-Kinerja or the network down, or SIMPEG data errors, for the whole region or some
// units. Stored relationally (the system of record) and audited; the next ETL run reclassifies the months
// they touch (etl/load/ekinerja-due.ts), so the list, the rates and the reports count them apart.
import type { Db } from "@/server/db/client";
import { installationRegion } from "@/server/region";
import { recordAudit, type Actor } from "@/server/audit";
import { dateOfDay, dayNumber, dayOfDate, isoDay } from "@/lib/domain/working-days";
import type { OutageInput } from "../schemas";

/** The outages page: the region's outages and its active units to record one for; null before the region exists. */
export async function outageOverview(db: Db) {
  const region = await installationRegion(db);
  if (!region) return null;
  const [outages, units] = await Promise.all([
    listOutages(db, region.id),
    db.unit.findMany({
      where: { regionId: region.id, active: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { timezone: region.timezone, outages, units };
}

export async function listOutages(db: Db, regionId: string) {
  const [outages, units] = await Promise.all([
    db.ekinerjaOutage.findMany({
      where: { regionId },
      orderBy: [{ removedAt: { sort: "desc", nulls: "first" } }, { startsOn: "desc" }],
      take: 200,
    }),
    db.unit.findMany({ where: { regionId }, select: { id: true, name: true } }),
  ]);
  const name = new Map(units.map((u) => [u.id, u.name]));
  return outages.map((o) => ({
    id: o.id,
    kind: o.kind,
    effect: o.effect,
    startsOn: isoDay(dayOfDate(o.startsOn)),
    endsOn: isoDay(dayOfDate(o.endsOn)),
    units: o.unitIds.map((id) => name.get(id) ?? id),
    note: o.note,
    createdAt: o.createdAt,
    removedAt: o.removedAt,
  }));
}

export type OutageResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

export async function recordOutage(db: Db, actor: Actor, regionId: string, input: OutageInput): Promise<OutageResult> {
  if (input.unitIds.length) {
    const known = await db.unit.count({ where: { regionId, id: { in: input.unitIds } } });
    if (known !== new Set(input.unitIds).size)
      return { ok: false, errors: { unitIds: "compliance.outage.error.unit" } };
  }
  const outage = await db.$transaction(async (tx) => {
    const created = await tx.ekinerjaOutage.create({
      data: {
        regionId,
        kind: input.kind,
        effect: input.effect,
        note: input.note,
        unitIds: [...new Set(input.unitIds)],
        createdById: actor.id,
        startsOn: dateOfDay(dayNumber(input.startsOn)),
        endsOn: dateOfDay(dayNumber(input.endsOn)),
      },
    });
    await recordAudit(tx, actor, {
      action: "ekinerja.outage.record",
      entity: "EkinerjaOutage",
      entityId: created.id,
      after: { ...input },
    });
    return created;
  });
  return { ok: true, id: outage.id };
}

/** Removing keeps the row (who recorded what stays readable); the entries count as before it. */
export async function removeOutage(db: Db, actor: Actor, regionId: string, id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.ekinerjaOutage.findFirst({ where: { id, regionId, removedAt: null } });
    if (!before) return false;
    await tx.ekinerjaOutage.update({ where: { id }, data: { removedAt: new Date() } });
    await recordAudit(tx, actor, { action: "ekinerja.outage.remove", entity: "EkinerjaOutage", entityId: id, before });
    return true;
  });
}
