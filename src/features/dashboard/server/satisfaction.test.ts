// The declared population is cached per web instance: a saved service point is seen at once, and a
// caller that trims its copy (the dashboard router drops units out of scope) does not trim the cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "@/test/stores";
import type { Db } from "@/server/db/client";
import { declaredPopulation, forgetDeclaredPopulation } from "./satisfaction";

describe("declared population (PGlite)", () => {
  let t: Awaited<ReturnType<typeof openTestDb>>;
  let db: Db;
  let unitId: string;
  let regionId: string;

  beforeAll(async () => {
    t = await openTestDb();
    db = t.db;
    const region = await db.region.create({ data: { code: "POP", name: "Pop" } });
    regionId = region.id;
    unitId = (await db.unit.create({ data: { regionId, code: "U1", name: "Unit 1" } })).id;
    await db.servicePoint.create({ data: { regionId, unitId, code: "p1", name: "P1", population: 100 } });
  });
  afterAll(() => t.close());

  it("hands out copies and sees a saved point once told", async () => {
    const first = await declaredPopulation(db);
    expect(first.get(unitId)).toBe(100);
    first.delete(unitId);
    expect((await declaredPopulation(db)).get(unitId)).toBe(100);

    await db.servicePoint.create({ data: { regionId, unitId, code: "p2", name: "P2", population: 50 } });
    // another instance's write is seen when the cache ends; this instance's at once
    expect((await declaredPopulation(db)).get(unitId)).toBe(100);
    forgetDeclaredPopulation(db);
    expect((await declaredPopulation(db)).get(unitId)).toBe(150);
  });
});
