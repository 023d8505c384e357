// Going live on real engines (PGlite; PostgreSQL too with TEST_DATABASE_URL; chDB for the ETL): the
// first administrator's one-time link, the region with its starting calendar, audited settings, an SLA
// change that leaves past requests' figures alone, and calendar edits that reach ClickHouse.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/env";
import { INDONESIAN_HOLIDAYS } from "@/lib/domain/holidays-id";
import { makePnsNip } from "@/lib/domain/nip";
import type { Db } from "@/server/db/client";
import { openRelational } from "@/server/db/adapter";
import { createPrisma } from "@/server/db/client";
import { setupStores } from "@/server/setup";
import { DiskStore } from "@/server/storage/disk";
import { chNumber, openEtlStores, type EtlTestStores } from "@/test/etl";
import { openTestDb, relationalKinds, tempDir } from "@/test/stores";
import { submitRequest } from "@/features/requests/server/requests";
import { runEtl } from "../../../../etl/run";
import { fieldErrors, firstAdminInput, regionInput, serviceTypeInput } from "../schemas";
import { createFirstAdmin, hashSetupToken, issueSetupToken, setupTokenState } from "./first-admin";
import { calendarYear, checklist, serviceType, shippedHolidays } from "./queries";
import {
  addHoliday,
  addShippedYear,
  createRegion,
  removeHoliday,
  saveServiceType,
  updateHoliday,
  updateRegion,
} from "./settings";

const admin = (username = "admin.daerah") =>
  firstAdminInput.parse({
    username,
    name: "Admin Daerah",
    password: "rahasia-sekali",
    passwordAgain: "rahasia-sekali",
  });
const region = regionInput.parse({
  name: "Kabupaten Uji",
  code: "kab-uji",
  kind: "KABUPATEN",
  timezone: "Asia/Makassar",
  ekinerjaDeadlineDay: "5",
  dailyLogGraceDays: "1",
});
const actor = { id: "hr-1", name: "Petugas BKPSDM", clientKey: "test" };

describe.each(relationalKinds)("the first administrator's link on %s", (kind) => {
  let store: Awaited<ReturnType<typeof openTestDb>>;
  let db: Db;
  beforeAll(async () => {
    store = await openTestDb(kind);
    db = store.db;
  });
  afterAll(() => store?.close());

  it("makes one administrator once; a used, expired or unknown link and a second administrator are refused", async () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const first = (await issueSetupToken(db, now))!;
    expect(first.expiresAt.toISOString()).toBe("2026-12-02T00:00:00.000Z");
    // only the hash is stored
    expect((await db.setupToken.findMany()).map((t) => t.tokenHash)).toEqual([hashSetupToken(first.token)]);
    expect(await setupTokenState(db, first.token, now)).toBe("valid");
    expect(await setupTokenState(db, "not-a-token-that-exists-anywhere", now)).toBe("unknown");
    expect(await setupTokenState(db, first.token, new Date("2026-12-02T00:00:00Z"))).toBe("expired");
    expect(await createFirstAdmin(db, first.token, admin(), new Date("2026-12-02T00:00:01Z"))).toMatchObject({
      ok: false,
      state: "expired",
    });

    const second = (await issueSetupToken(db, new Date("2026-12-01T06:00:00Z")))!;
    expect(second.token).not.toBe(first.token);
    expect(await createFirstAdmin(db, second.token, admin(), now)).toEqual({ ok: true, username: "admin.daerah" });
    const made = await db.user.findUniqueOrThrow({ where: { username: "admin.daerah" } });
    expect([made.role, made.name, made.passwordHash.startsWith("$2")]).toEqual(["ADMIN", "Admin Daerah", true]);
    expect(
      (await db.setupToken.findUniqueOrThrow({ where: { tokenHash: hashSetupToken(second.token) } })).usedAt,
    ).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.create_first_admin" } });
    expect(audit.after).toMatchObject({ username: "admin.daerah", role: "ADMIN" });
    expect(JSON.stringify(audit.after)).not.toContain("passwordHash");

    // once an administrator exists: no more links, and the old ones do nothing
    expect(await issueSetupToken(db, now)).toBeNull();
    expect(await setupTokenState(db, second.token, now)).toBe("adminExists");
    expect(await createFirstAdmin(db, second.token, admin("admin.dua"), now)).toMatchObject({
      ok: false,
      state: "adminExists",
    });
    expect(await db.user.count()).toBe(1);
  });

  it("asks for the same password twice and the existing username rules", () => {
    const r = firstAdminInput.safeParse({ username: "A", name: " ", password: "pendek", passwordAgain: "lain" });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({
      username: "validation.username",
      name: "validation.required",
      password: "validation.passwordLength",
      passwordAgain: "setup.error.passwordMismatch",
    });
  });
});

describe("start-up without demo data", () => {
  it("prints a new one-time link at every start while no administrator exists, and none after", async () => {
    const tmp = tempDir();
    try {
      const env = parseEnv({
        PANTAU_DATA_DIR: tmp.dir,
        PANTAU_DEMO: "0",
        NEXTAUTH_URL: "https://pantau.sukamaju.go.id/",
      });
      const linkOf = async () => {
        const lines: string[] = [];
        await setupStores(env, (l) => lines.push(l));
        return lines
          .join("\n")
          .match(
            /\[pantau\] first administrator: open (https:\/\/pantau\.sukamaju\.go\.id\/aktivasi\/([A-Za-z0-9_-]+)) \(valid 24 h\)/,
          );
      };
      const one = await linkOf();
      const two = await linkOf();
      expect(one?.[2]).toBeTruthy();
      expect(two?.[2]).toBeTruthy();
      expect(two![2]).not.toBe(one![2]);

      const conn = await openRelational({ kind: "pglite", dataDir: tmp.dir });
      const db = createPrisma(conn);
      try {
        expect(await db.region.count()).toBe(0); // no demo region
        expect(await createFirstAdmin(db, one![2]!, admin())).toMatchObject({ ok: true });
      } finally {
        await db.$disconnect();
        await conn.close();
      }
      expect(await linkOf()).toBeNull();
    } finally {
      tmp.remove();
    }
  });
});

describe.each(relationalKinds)("the region and its settings on %s", (kind) => {
  let store: Awaited<ReturnType<typeof openTestDb>>;
  let db: Db;
  beforeAll(async () => {
    store = await openTestDb(kind);
    db = store.db;
  });
  afterAll(() => store?.close());

  it("refuses a calendar with one date twice and saves nothing", async () => {
    const twice = [
      { date: "2026-08-17", kind: "NATIONAL" as const, name: "Hari Kemerdekaan" },
      { date: "2026-08-17", kind: "CUTI_BERSAMA" as const, name: "Lagi" },
    ];
    expect(await createRegion(db, actor, region, twice)).toEqual({
      ok: false,
      errors: { _form: "setup.error.holidayTwice" },
    });
    expect([await db.region.count(), await db.holiday.count(), await db.auditLog.count()]).toEqual([0, 0, 0]);
  });

  it("makes the region once, with the starting calendar, and ticks the checklist's first step", async () => {
    expect((await checklist(db)).items.filter((i) => i.done)).toEqual([]);
    const calendar = INDONESIAN_HOLIDAYS.filter((h) => h.date.startsWith("2026-")).map((h) => ({ ...h }));
    calendar.push({ date: "2026-04-22", kind: "NATIONAL", name: "Hari Jadi Kabupaten" });
    const saved = await createRegion(db, actor, region, calendar);
    expect(saved.ok).toBe(true);
    const r = await db.region.findFirstOrThrow();
    expect([r.code, r.kind, r.timezone, r.ekinerjaDeadlineDay, r.dailyLogGraceDays]).toEqual([
      "KAB-UJI",
      "KABUPATEN",
      "Asia/Makassar",
      5,
      1,
    ]);
    expect(await db.holiday.count()).toBe(calendar.length);
    expect(await createRegion(db, actor, { ...region, code: "LAIN" }, [])).toEqual({
      ok: false,
      errors: { _form: "setup.error.regionExists" },
    });
    const list = await checklist(db);
    expect(list.items.map((i) => [i.step, i.done])).toEqual([
      ["region", true],
      ["units", false],
      ["employees", false],
      ["accounts", false],
      ["attendance", false],
      ["ekinerja", false],
      ["surveyPoint", false],
      ["report", false],
    ]);
    expect(list.open).toBe(7);
  });

  it("audits every settings change with the state before and after", async () => {
    const r = await db.region.findFirstOrThrow();
    expect(
      await updateRegion(db, actor, r.id, { ...region, ekinerjaDeadlineDay: 10, timezone: "Asia/Jayapura" }),
    ).toMatchObject({ ok: true });
    const regionAudit = await db.auditLog.findFirstOrThrow({ where: { action: "region.update" } });
    expect([regionAudit.actorId, regionAudit.actorName, regionAudit.clientKey]).toEqual([
      "hr-1",
      "Petugas BKPSDM",
      "test",
    ]);
    expect(regionAudit.before).toMatchObject({ ekinerjaDeadlineDay: 5, timezone: "Asia/Makassar" });
    expect(regionAudit.after).toMatchObject({ ekinerjaDeadlineDay: 10, timezone: "Asia/Jayapura" });

    const day = (await calendarYear(db, r.id, 2026)).holidays.find((h) => h.date === "2026-04-22")!;
    expect(
      await updateHoliday(db, actor, r.id, day.id, {
        date: "2026-04-23",
        kind: "NATIONAL",
        name: "Hari Jadi Kabupaten ke-75",
      }),
    ).toMatchObject({ ok: true });
    const hAudit = await db.auditLog.findFirstOrThrow({ where: { action: "holiday.update" } });
    expect([hAudit.before, hAudit.after]).toEqual([
      { id: day.id, date: "2026-04-22", kind: "NATIONAL", name: "Hari Jadi Kabupaten" },
      { id: day.id, date: "2026-04-23", kind: "NATIONAL", name: "Hari Jadi Kabupaten ke-75" },
    ]);
    // a date the calendar already has is refused next to the date
    expect(await addHoliday(db, actor, r.id, { date: "2026-08-17", kind: "NATIONAL", name: "Dua kali" })).toEqual({
      ok: false,
      errors: { date: "setup.error.holidayTaken" },
    });
    expect(await removeHoliday(db, actor, r.id, day.id)).toMatchObject({ ok: true });
    expect((await db.auditLog.findFirstOrThrow({ where: { action: "holiday.delete" } })).before).toMatchObject({
      date: "2026-04-23",
    });

    const input = serviceTypeInput.parse({
      code: "kgb",
      nameId: "Kenaikan gaji berkala",
      nameEn: "Periodic salary increase",
      slaDays: "5",
      viaBkn: "",
      active: "on",
      documents: [{ code: "sk_kgb", nameId: "SK KGB terakhir", nameEn: "Latest KGB decree", required: "on" }],
    });
    const made = await saveServiceType(db, actor, r.id, null, input);
    if (!made.ok) throw new Error("not saved");
    expect(await saveServiceType(db, actor, r.id, null, input)).toEqual({
      ok: false,
      errors: { code: "setup.error.serviceCodeTaken" },
    });
    // the code stays whatever is posted: requests know the service by it
    expect(
      await saveServiceType(db, actor, r.id, made.id, { ...input, code: "LAIN", slaDays: 7, viaBkn: true }),
    ).toMatchObject({ ok: true });
    const s = await serviceType(db, r.id, made.id);
    expect([s?.code, s?.slaDays, s?.viaBkn, s?.documents]).toEqual([
      "KGB",
      7,
      true,
      [{ code: "SK_KGB", nameId: "SK KGB terakhir", nameEn: "Latest KGB decree", required: true }],
    ]);
    const sAudit = await db.auditLog.findFirstOrThrow({ where: { action: "service_type.update" } });
    expect(sAudit.before).toMatchObject({ code: "KGB", slaDays: 5, viaBkn: false });
    expect(sAudit.after).toMatchObject({ code: "KGB", slaDays: 7, viaBkn: true });
  });

  it("adds a year's shipped national list for the days the region lacks, and keeps its own", async () => {
    const r = await db.region.findFirstOrThrow();
    const y2025 = shippedHolidays(2025);
    await addHoliday(db, actor, r.id, { date: y2025[0]!.date, kind: "NATIONAL", name: "Tahun Baru (versi daerah)" });
    expect(await addShippedYear(db, actor, r.id, 2025)).toEqual({ ok: true, id: y2025.length - 1 });
    const year = await calendarYear(db, r.id, 2025);
    expect(year.holidays).toHaveLength(y2025.length);
    expect(year.holidays[0]!.name).toBe("Tahun Baru (versi daerah)");
    expect(year.shippedMissing).toBe(0);
    expect(await addShippedYear(db, actor, r.id, 2025)).toEqual({ ok: true, id: 0 });
    expect(await addShippedYear(db, actor, r.id, 2031)).toEqual({
      ok: false,
      errors: { _form: "setup.error.noShippedYear" },
    });
  });
});

describe.each(relationalKinds)("settings changes and the ETL on %s", (kind) => {
  let s: EtlTestStores;
  let regionId: string;
  const etl = () => runEtl(s, { lagMs: 0, today: "2026-11-25" });
  beforeAll(async () => {
    s = await openEtlStores(kind);
    const made = await createRegion(s.db, actor, { ...region, timezone: "Asia/Jakarta" }, [
      { date: "2026-11-02", kind: "NATIONAL", name: "Libur uji" },
    ]);
    if (!made.ok) throw new Error("no region");
    regionId = made.id;
  });
  afterAll(() => s?.close());

  it("keeps a submitted request's SLA when the catalog's SLA changes afterwards, in the request and in ClickHouse", async () => {
    const { db } = s;
    const unit = await db.unit.create({ data: { regionId, code: "BKPSDM", name: "BKPSDM" } });
    const emp = await db.employee.create({
      data: {
        regionId,
        unitId: unit.id,
        nip: makePnsNip("1990-01-02", "2015-03", "L", 1),
        name: "Budi",
        gender: "L",
        rank: "III/a",
        position: "Analis",
        appointedOn: new Date("2015-03-01"),
      },
    });
    const user = await db.user.create({
      data: {
        username: "budi",
        name: "Budi",
        role: "EMPLOYEE",
        unitId: unit.id,
        employeeId: emp.id,
        passwordHash: "x",
      },
    });
    const input = serviceTypeInput.parse({
      code: "UJIAN-DINAS",
      nameId: "Ujian dinas",
      nameEn: "Civil service exam",
      slaDays: "3",
      viaBkn: "",
      active: "on",
      documents: [],
    });
    const saved = await saveServiceType(db, actor, regionId, null, input);
    if (!saved.ok) throw new Error("no service");
    const uploads = tempDir("pantau-uploads-");
    try {
      const deps = {
        db,
        store: new DiskStore(uploads.dir),
        maxUploadBytes: 1024,
        now: () => new Date("2026-11-02T02:00:00Z"),
      };
      const who = { id: user.id, name: user.name, role: "EMPLOYEE" as const, unitId: unit.id, clientKey: "test" };
      const submitted = await submitRequest(deps, who, {
        serviceTypeId: saved.id,
        actionKey: "setup-test-key-0001",
        values: { reason: "Ujian dinas tingkat I" },
        files: new Map(),
      });
      if (!submitted.ok) throw new Error(JSON.stringify(submitted.errors));
      // finished on Tuesday 10 November: 6 working days after the day it came in, over the 3-day SLA
      const done = new Date("2026-11-10T03:00:00Z");
      await db.$transaction([
        db.requestEvent.create({ data: { requestId: submitted.requestId, status: "COMPLETED", at: done } }),
        db.serviceRequest.update({
          where: { id: submitted.requestId },
          data: { status: "COMPLETED", completedAt: done },
        }),
      ]);

      expect(await saveServiceType(db, actor, regionId, saved.id, { ...input, slaDays: 10 })).toMatchObject({
        ok: true,
      });
      await etl();
      expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: submitted.requestId } })).slaDays).toBe(3);
      const [row] = await s.ch.query<{ sla: number; breached: number; wd: number }>(
        "SELECT sla_days AS sla, breached, processing_wd AS wd FROM fact_request_done WHERE request_id = {id:String}",
        { id: submitted.requestId },
      );
      expect(row).toEqual({ sla: 3, breached: 1, wd: 6 });
      expect(
        await chNumber(
          s.ch,
          "SELECT argMax(sla_days, version) AS n FROM dim_service_type WHERE service_type_id = {id:String}",
          { id: saved.id },
        ),
      ).toBe(10);

      // a request submitted after the change is measured against the new SLA
      const later = await submitRequest({ ...deps, now: () => new Date("2026-11-12T02:00:00Z") }, who, {
        serviceTypeId: saved.id,
        actionKey: "setup-test-key-0002",
        values: { reason: "Ujian dinas tingkat II" },
        files: new Map(),
      });
      if (!later.ok) throw new Error("not submitted");
      expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: later.requestId } })).slaDays).toBe(10);
    } finally {
      uploads.remove();
    }
  });

  it("sends added, changed and removed holidays to ClickHouse (a removed day is marked deleted)", async () => {
    const holiday = (date: string) =>
      s.ch.query<{ name: string; deleted: number }>(
        "SELECT argMax(name, version) AS name, argMax(deleted, version) AS deleted FROM dim_holiday WHERE region_id = {r:String} AND date = {d:Date} GROUP BY date",
        { r: regionId, d: date },
      );
    const added = await addHoliday(s.db, actor, regionId, {
      date: "2026-12-28",
      kind: "CUTI_BERSAMA",
      name: "Cuti bersama daerah",
    });
    if (!added.ok) throw new Error("not added");
    await etl();
    expect(await holiday("2026-12-28")).toEqual([{ name: "Cuti bersama daerah", deleted: 0 }]);
    await updateHoliday(s.db, actor, regionId, added.id, {
      date: "2026-12-28",
      kind: "CUTI_BERSAMA",
      name: "Cuti bersama Hari Jadi",
    });
    await etl();
    expect(await holiday("2026-12-28")).toEqual([{ name: "Cuti bersama Hari Jadi", deleted: 0 }]);
    await removeHoliday(s.db, actor, regionId, added.id);
    await etl();
    expect(await holiday("2026-12-28")).toEqual([{ name: "Cuti bersama Hari Jadi", deleted: 1 }]);
    // the day left alone is untouched
    expect(await holiday("2026-11-02")).toEqual([{ name: "Libur uji", deleted: 0 }]);
  });
});
