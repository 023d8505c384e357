// The setup router: the one-time link answers anyone, the settings are ADMIN's and HR's, the checklist
// ADMIN's; a catalog entry of another id is not found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { seedDemo } from "@/server/demo/seed";
import { openTestDb } from "@/test/stores";
import { callerAs, outcome } from "@/test/trpc";

describe("setup router (PGlite)", () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const rel = await openTestDb();
    db = rel.db;
    close = rel.close;
    await seedDemo(db);
  });
  afterAll(() => close());
  const caller = (username?: string) => callerAs(db, username);

  it("answers who may read what", async () => {
    expect(await (await caller()).setup.link({ token: "x" })).toEqual({ state: "adminExists" });
    const hr = await caller("bkpsdm");
    const region = await hr.setup.region();
    expect(region?.code).toBe("DEMO");
    const service = await db.serviceType.create({
      data: { regionId: region!.id, code: "KP", nameId: "Kenaikan pangkat", nameEn: "Promotion", slaDays: 10 },
    });
    expect((await hr.setup.services()).map((s) => s.code)).toContain("KP");
    expect((await hr.setup.service({ id: service.id })).code).toBe("KP");
    expect(await outcome(hr.setup.service({ id: "tidak-ada" }))).toBe("NOT_FOUND");
    const calendar = await hr.setup.calendar({ year: 2026 });
    expect(calendar.holidays.length + calendar.shippedMissing).toBeGreaterThan(0);
    expect(await outcome(hr.setup.checklist())).toBe("FORBIDDEN");
    expect((await (await caller("admin")).setup.checklist()).items.length).toBeGreaterThan(0);
    expect(await outcome((await caller("pimpinan")).setup.region())).toBe("FORBIDDEN");
  });
});
