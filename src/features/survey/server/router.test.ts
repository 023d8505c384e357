// The survey pages' reads through the survey router: the public forms need no account and say why one
// cannot be answered; the administration is HR's and administrators' only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { seedDemo } from "@/server/demo/seed";
import { openTestDb } from "@/test/stores";
import { callerAs, outcome } from "@/test/trpc";

describe("survey router (PGlite)", () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const rel = await openTestDb();
    db = rel.db;
    close = rel.close;
    await seedDemo(db);
    const unit = await db.unit.findFirstOrThrow();
    await db.servicePoint.createMany({
      data: [
        { regionId: unit.regionId, unitId: unit.id, code: "loket-a", name: "Loket A" },
        { regionId: unit.regionId, unitId: unit.id, code: "loket-tutup", name: "Loket Tutup", active: false },
      ],
    });
  });
  afterAll(() => close());
  const caller = (username?: string) => callerAs(db, username);

  it("serves a point's form to anyone, and nothing for an unknown or closed point", async () => {
    const visitor = await caller();
    const form = await visitor.survey.pointForm({ code: "loket-a" });
    expect(form?.point).toEqual({ code: "loket-a", name: "Loket A" });
    expect(form?.elements).toHaveLength(9);
    expect(await visitor.survey.pointForm({ code: "loket-tutup" })).toBeNull();
    expect(await visitor.survey.pointForm({ code: "tidak-ada" })).toBeNull();
    expect(await visitor.survey.inviteForm({ token: "not-a-real-token" })).toEqual({ state: "unknown" });
  });

  it("opens the administration to HR and administrators only", async () => {
    const hr = await caller("bkpsdm");
    const admin = await hr.survey.admin();
    expect(admin.points.map((p) => [p.code, p.answered])).toEqual([
      ["loket-a", 0],
      ["loket-tutup", 0],
    ]);
    expect(admin.wording).toHaveLength(9);
    const id = admin.points[0]!.id;
    expect((await hr.survey.point({ id })).code).toBe("loket-a");
    expect(await outcome(hr.survey.point({ id: "tidak-ada" }))).toBe("NOT_FOUND");
    expect(await outcome((await caller("pimpinan")).survey.admin())).toBe("FORBIDDEN");
    expect(await outcome((await caller()).survey.point({ id }))).toBe("UNAUTHORIZED");
    const before = await db.auditLog.count({ where: { action: "survey.export" } });
    const [header, ...rows] = await hr.survey.export();
    expect(header).toContain("saran");
    expect(header).not.toContain("kontak");
    expect(rows).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "survey.export" } })).toBe(before + 1);
    expect(await outcome((await caller("pimpinan")).survey.export())).toBe("FORBIDDEN");
  });
});
