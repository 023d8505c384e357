// The compliance router: every employee-level read leaves one audit entry (and a refused one none), a
// unit head is held to their units, and a read that forgets its entry fails instead of answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTRPCRouter, employeeReadProcedure } from "@/server/api/trpc";
import { applyClickHouseMigrations } from "@/server/clickhouse/migrate";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import { linkDemoEmployee, seedDemo } from "@/server/demo/seed";
import { openTestChdb, openTestDb } from "@/test/stores";
import { callerAs, outcome, sessionAs } from "@/test/trpc";

describe("compliance router (PGlite + chDB)", () => {
  let db: Db;
  let ch: ClickHouse;
  let close: () => Promise<void>;
  const unit: Record<string, string> = {};
  beforeAll(async () => {
    const rel = await openTestDb();
    const an = await openTestChdb();
    db = rel.db;
    ch = an.ch;
    close = async () => {
      await rel.close();
      await an.close();
    };
    await applyClickHouseMigrations(ch);
    await seedDemo(db);
    await linkDemoEmployee(db);
    for (const u of await db.unit.findMany()) unit[u.code] = u.id;
  });
  afterAll(() => close());

  const as = (username: string) => callerAs(db, username, { clickhouse: async () => ch });
  const audits = (action: string) => db.auditLog.count({ where: { action } });
  const period = { from: "2026-08", to: "2026-10" };

  it("audits the list once per read, and holds a unit head to their units", async () => {
    const before = await audits("compliance.list.read");
    const hr = await (await as("bkpsdm")).compliance.list(period);
    expect(hr.isHr).toBe(true);
    expect(hr.units.length).toBe(await db.unit.count());
    const head = await (await as("kadisdik")).compliance.list({ ...period, unitId: unit["DINKES"]! });
    expect(head.outOfScope).toBe(true);
    expect(head.unitId).toBe(unit["DISDIK"]);
    expect(head.units.map((u) => u.id).sort()).toEqual([unit["DISDIK"], unit["DISDIK-SMP1"]].sort());
    expect(await audits("compliance.list.read")).toBe(before + 2);
    expect(await outcome((await as("pegawai")).compliance.list(period))).toBe("FORBIDDEN");
    expect(await outcome((await as("pimpinan")).compliance.list(period))).toBe("FORBIDDEN");
    expect(await audits("compliance.list.read")).toBe(before + 2);
  });

  it("answers another unit's employee as unknown, without an audit entry", async () => {
    const inside = await db.employee.findFirstOrThrow({ where: { unitId: unit["DISDIK-SMP1"]! } });
    const outside = await db.employee.create({
      data: {
        regionId: inside.regionId,
        unitId: unit["DINKES"]!,
        nip: "199001012015031001",
        name: "Dinas lain",
        gender: "L",
        rank: "III/a",
        position: "Staf",
        appointedOn: new Date("2015-03-01"),
      },
    });
    const head = await as("kadisdik");
    const before = await audits("compliance.employee.read");
    expect(await outcome(head.compliance.employee({ id: outside.id, to: "2026-10" }))).toBe("NOT_FOUND");
    expect(await audits("compliance.employee.read")).toBe(before);
    const read = await head.compliance.employee({ id: inside.id, to: "2026-10" });
    expect(read.employee.id).toBe(inside.id);
    expect(read.from).toBe("2025-11");
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "compliance.employee.read" },
      orderBy: { at: "desc" },
    });
    expect(entry).toMatchObject({
      entity: "Employee",
      entityId: inside.id,
      actorName: read.employee && entry.actorName,
    });
    expect(await audits("compliance.employee.read")).toBe(before + 1);
  });

  it("audits the discipline watch and the exports; refuses an export outside a unit head's units", async () => {
    const d0 = await audits("discipline.read");
    const watch = await (await as("kadisdik")).compliance.discipline({ unitId: unit["DINKES"]! });
    expect(watch.ownUnit).not.toBeNull();
    expect(await audits("discipline.read")).toBe(d0 + 1);
    const e0 = await audits("compliance.export");
    await (await as("bkpsdm")).compliance.export({ ...period, format: "csv" });
    expect(
      await outcome((await as("kadisdik")).compliance.export({ ...period, unitId: unit["DINKES"]!, format: "xlsx" })),
    ).toBe("FORBIDDEN");
    expect(await audits("compliance.export")).toBe(e0 + 1);
  });

  it("fails a read that does not say what it read", async () => {
    const careless = createTRPCRouter({ read: employeeReadProcedure("HR").query(() => ["198503122010011003"]) });
    const caller = careless.createCaller({ db, session: await sessionAs(db, "bkpsdm"), clientKey: "test" });
    expect(await outcome(caller.read())).toBe("INTERNAL_SERVER_ERROR");
  });
});
