// The requests router, as the pages call it: an employee reads their own requests and balance, another
// person's request is unknown to them, HR's read of it is audited, and each queue is for the roles that work it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePnsNip } from "@/lib/domain/nip";
import type { Db } from "@/server/db/client";
import { linkDemoEmployee, seedDemo } from "@/server/demo/seed";
import { openTestDb } from "@/test/stores";
import { callerAs, outcome } from "@/test/trpc";

describe("requests router (PGlite)", () => {
  let db: Db;
  let close: () => Promise<void>;
  let own = "";
  let colleague = "";
  beforeAll(async () => {
    const rel = await openTestDb();
    db = rel.db;
    close = rel.close;
    await seedDemo(db);
    await linkDemoEmployee(db);
    const me = await db.user.findUniqueOrThrow({ where: { username: "pegawai" }, include: { employee: true } });
    const other = await db.employee.create({
      data: {
        regionId: me.employee!.regionId,
        unitId: me.employee!.unitId,
        nip: makePnsNip("1990-01-02", "2015-03", "P", 9),
        name: "Rekan Kerja",
        gender: "P",
        rank: "III/a",
        position: "Analis",
        appointedOn: new Date("2015-03-01"),
      },
    });
    const service = await db.serviceType.create({
      data: {
        regionId: me.employee!.regionId,
        code: "CUTI",
        nameId: "Cuti tahunan",
        nameEn: "Annual leave",
        slaDays: 3,
      },
    });
    const request = (number: string, e: { id: string; unitId: string; regionId: string }) =>
      db.serviceRequest.create({
        data: {
          regionId: e.regionId,
          number,
          serviceTypeId: service.id,
          employeeId: e.id,
          unitId: e.unitId,
          status: "SUBMITTED",
          submittedAt: new Date("2026-11-02T02:00:00Z"),
          slaDays: service.slaDays,
          events: { create: { status: "SUBMITTED", at: new Date("2026-11-02T02:00:00Z") } },
        },
      });
    own = (await request("R-OWN", me.employee!)).id;
    colleague = (await request("R-OTHER", other)).id;
  });
  afterAll(() => close());
  const as = (username: string) => callerAs(db, username);

  it("gives an employee their own requests and annual leave, and a service's form", async () => {
    const api = await as("pegawai");
    const mine = await api.requests.mine();
    expect(mine?.requests.map((r) => r.number)).toEqual(["R-OWN"]);
    expect(mine?.balance.entitled).toBeGreaterThan(0);
    const choose = await api.requests.newRequest({});
    expect(choose?.service).toBeNull();
    expect(choose?.services.map((s) => s.code)).toContain("CUTI");
    const leave = await api.requests.newRequest({ service: "CUTI" });
    expect(leave?.service?.code).toBe("CUTI");
    expect(leave?.form?.balance).toBeTruthy();
    expect(await outcome((await as("bkpsdm")).requests.mine())).toBe("FORBIDDEN");
  });

  it("answers another person's request as unknown to an employee, and audits HR's read", async () => {
    const employee = await as("pegawai");
    expect((await employee.requests.detail({ id: own })).request.number).toBe("R-OWN");
    expect(await outcome(employee.requests.detail({ id: colleague }))).toBe("NOT_FOUND");
    expect(await outcome(employee.requests.detail({ id: "no-such-request" }))).toBe("NOT_FOUND");
    const before = await db.auditLog.count({ where: { action: "request.read", entityId: colleague } });
    expect((await (await as("bkpsdm")).requests.detail({ id: colleague })).request.number).toBe("R-OTHER");
    expect(await db.auditLog.count({ where: { action: "request.read", entityId: colleague } })).toBe(before + 1);
  });

  it("opens the work queues to the roles that work them", async () => {
    const hr = await (await as("bkpsdm")).requests.queue({});
    expect(hr.mine.length).toBeGreaterThan(0);
    expect(hr.queue?.items.map((r) => r.number).sort()).toEqual(["R-OTHER", "R-OWN"]);
    expect((await (await as("kadisdik")).requests.queue({})).current).toBe("approval");
    expect(await outcome((await as("pegawai")).requests.queue({}))).toBe("FORBIDDEN");
    expect(await outcome((await as("pimpinan")).requests.queue({}))).toBe("FORBIDDEN");
    expect(Array.isArray(await (await as("pimpinan")).requests.notifications())).toBe(true);
  });
});
