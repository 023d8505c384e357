import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, relationalKinds } from "@/test/stores";
import type { Db } from "../db/client";
import { seedDemo } from "../demo/seed";
import { createCaller } from "./root";

type Role = Session["user"]["role"];

describe.each(relationalKinds)("tRPC procedures on %s", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ db, close } = await openTestDb(kind));
    await seedDemo(db);
    for (const u of await db.unit.findMany()) ids[u.code] = u.id;
    for (const u of await db.user.findMany()) ids[u.username] = u.id;
  });
  afterAll(() => close());

  const as = async (username: string | null) => {
    if (!username) return createCaller({ db, session: null, clientKey: "test" });
    const u = await db.user.findUniqueOrThrow({ where: { username } });
    const session: Session = {
      expires: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: u.id, name: u.name, username: u.username, role: u.role as Role, unitId: u.unitId },
    };
    return createCaller({ db, session, clientKey: "test" });
  };
  const code = (p: Promise<unknown>) =>
    p.then(
      () => "OK",
      (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
    );

  it("refuses anonymous callers on protected procedures", async () => {
    expect(await code((await as(null)).account.me())).toBe("UNAUTHORIZED");
  });

  it("checks roles", async () => {
    expect(await code((await as("pegawai")).users.list())).toBe("FORBIDDEN");
    expect(await code((await as("pimpinan")).users.list())).toBe("FORBIDDEN");
    expect(await code((await as("admin")).users.list())).toBe("OK");
    expect(await code((await as("pegawai")).units.get({ unitId: ids["DISDIK"]! }))).toBe("FORBIDDEN");
  });

  it("scopes a unit head to their unit and its sub-units", async () => {
    const head = await as("kadisdik");
    expect(await code(head.units.get({ unitId: ids["DISDIK"]! }))).toBe("OK");
    expect(await code(head.units.get({ unitId: ids["DISDIK-SMP1"]! }))).toBe("OK");
    expect(await code(head.units.get({ unitId: ids["DINKES"]! }))).toBe("FORBIDDEN");
    expect(await code(head.units.get({ unitId: "no-such-unit" }))).toBe("FORBIDDEN");
    expect((await head.units.list()).map((u) => u.code).sort()).toEqual(["DISDIK", "DISDIK-SMP1"]);
    expect((await (await as("pimpinan")).units.list()).length).toBe(7);
    expect(await code((await as("pimpinan")).units.get({ unitId: ids["DINKES"]! }))).toBe("OK");
  });

  it("records user management in the audit log with before and after, never the password", async () => {
    const admin = await as("admin");
    const created = await admin.users.create({
      username: "Budi.S",
      name: "Budi",
      password: "rahasia-123",
      role: "UNIT_HEAD",
      unitId: ids["DINKES"]!,
    });
    expect(created.username).toBe("budi.s");
    await admin.users.update({
      id: created.id,
      name: "Budi Santoso",
      role: "UNIT_HEAD",
      unitId: ids["DINKES"]!,
      active: false,
    });
    await admin.users.resetPassword({ id: created.id, password: "baru-lagi-123" });
    const log = await db.auditLog.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["user.create", "user.update", "user.reset_password"]);
    expect(log[1]!.actorId).toBe(ids["admin"]);
    expect(log[1]!.before).toMatchObject({ name: "Budi", active: true });
    expect(log[1]!.after).toMatchObject({ name: "Budi Santoso", active: false });
    expect(JSON.stringify(log, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(
      /passwordHash|rahasia|baru-lagi/,
    );
  });

  it("returns validation errors as catalog keys and refuses duplicates and self-demotion", async () => {
    const admin = await as("admin");
    const bad = await admin.users
      .create({ username: "x", name: "", password: "short", role: "EMPLOYEE", unitId: null })
      .catch((e: TRPCError) => e);
    expect(bad).toBeInstanceOf(TRPCError);
    expect((bad as TRPCError).code).toBe("BAD_REQUEST");
    expect((bad as TRPCError).message).toMatch(/validation\.username/);
    const dup = await admin.users
      .create({ username: "admin", name: "A", password: "12345678", role: "ADMIN", unitId: null })
      .catch((e: TRPCError) => e);
    expect((dup as TRPCError).message).toBe("validation.usernameTaken");
    const me = await db.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(
      await code(admin.users.update({ id: me.id, name: me.name, role: "LEADER", unitId: null, active: true })),
    ).toBe("BAD_REQUEST");
  });

  it("links a new account to its employee by NIP, and refuses an unknown or already linked NIP", async () => {
    const admin = await as("admin");
    const region = await db.region.findFirstOrThrow();
    const nip = "198804122014032007";
    const employee = await db.employee.create({
      data: {
        regionId: region.id,
        unitId: ids["DINKES"]!,
        nip,
        name: "Siti",
        gender: "P",
        rank: "III/a",
        position: "Perawat",
        appointedOn: new Date("2014-03-01"),
      },
    });
    const bad = await admin.users
      .create({
        username: "siti.x",
        name: "Siti",
        password: "12345678",
        role: "EMPLOYEE",
        unitId: null,
        nip: "12345",
        email: "bukan-email",
      })
      .catch((e: TRPCError) => e);
    expect((bad as TRPCError).message).toMatch(/validation\.nip/);
    expect((bad as TRPCError).message).toMatch(/validation\.email/);
    // 18 digits that cannot be a NIP: the reason, not "unknown"
    const feb30 = await admin.users
      .create({
        username: "siti.z",
        name: "Siti",
        password: "12345678",
        role: "EMPLOYEE",
        unitId: null,
        nip: "199002302015031001",
      })
      .catch((e: TRPCError) => e);
    expect((feb30 as TRPCError).message).toMatch(/validation\.nip\.birthDate/);
    const unknown = await admin.users
      .create({
        username: "siti.y",
        name: "Siti",
        password: "12345678",
        role: "EMPLOYEE",
        unitId: null,
        nip: "199001012015031001",
      })
      .catch((e: TRPCError) => e);
    expect((unknown as TRPCError).message).toBe("validation.nipUnknown");
    const created = await admin.users.create({
      username: "siti",
      name: "Siti",
      password: "12345678",
      role: "EMPLOYEE",
      unitId: null,
      nip,
      email: "siti@dinkes.example.go.id",
    });
    expect(created.unitId).toBe(ids["DINKES"]); // taken from the employee record
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.employeeId, row.email]).toEqual([employee.id, "siti@dinkes.example.go.id"]);
    const twice = await admin.users
      .create({ username: "siti2", name: "Siti", password: "12345678", role: "EMPLOYEE", unitId: null, nip })
      .catch((e: TRPCError) => e);
    expect((twice as TRPCError).message).toBe("validation.nipTaken");
  });
});
