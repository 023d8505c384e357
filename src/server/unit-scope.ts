import type { Db } from "./db/client";

/** True when `unitId` is `ancestorId` or one of its sub-units (walks up the parent chain). */
export async function isUnitWithin(db: Db, unitId: string, ancestorId: string): Promise<boolean> {
  let current: string | null = unitId;
  for (let depth = 0; current && depth < 32; depth++) {
    if (current === ancestorId) return true;
    const unit: { parentId: string | null } | null = await db.unit.findUnique({
      where: { id: current },
      select: { parentId: true },
    });
    current = unit?.parentId ?? null;
  }
  return false;
}

/** The ids of `unitId` and every unit above it (one query, like unitSubtree the other way). */
export async function unitAncestors(db: Db, unitId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up AS (
      SELECT id, "parentId" FROM "Unit" WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, u."parentId" FROM "Unit" u JOIN up ON u.id = up."parentId"
    )
    SELECT id FROM up`;
  return rows.map((r) => r.id);
}

/** The ids of `rootId` and every unit below it. */
export async function unitSubtree(db: Db, rootId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM "Unit" WHERE id = ${rootId}
      UNION ALL
      SELECT u.id FROM "Unit" u JOIN tree t ON u."parentId" = t.id
    )
    SELECT id FROM tree`;
  return rows.map((r) => r.id);
}
