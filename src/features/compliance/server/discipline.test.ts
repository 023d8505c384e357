// The discipline watch on real engines: default thresholds kept by the start-up step, the standing an
// employee reaches (up to discharge), runs across weekends and holidays, and the year boundary.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PP94_THRESHOLDS } from "@/lib/domain/discipline";
import type { Db } from "@/server/db/client";
import { applyClickHouseMigrations } from "@/server/clickhouse/migrate";
import type { ClickHouse } from "@/server/clickhouse/types";
import { MIGRATIONS_DIR } from "@/server/db/migrate";
import { openTestChdb, openTestDb, relationalKinds } from "@/test/stores";
import { disciplineWatch, ensureDefaultThresholds, thresholdsOf, type DisciplineRow } from "./discipline";

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe.each(relationalKinds)("discipline thresholds (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const t = await openTestDb(kind);
    db = t.db;
    close = t.close;
  });
  afterAll(async () => close());

  it("adds the tiers the database lacks at start-up and keeps what HR edited", async () => {
    // the old migration seeded seven tiers; the code adds the heavy ones of Pasal 11
    expect(await ensureDefaultThresholds(db)).toEqual([
      "TURUN_JABATAN_12",
      "BEBAS_JABATAN_12",
      "PEMBERHENTIAN_KUMULATIF",
    ]);
    expect((await thresholdsOf(db)).map((t) => t.code).sort()).toEqual(PP94_THRESHOLDS.map((t) => t.code).sort());
    // HR moved one tier and the row of another is gone: the next start restores only the missing one
    await db.disciplineThreshold.update({ where: { code: "TEGURAN_LISAN" }, data: { minDays: 2 } });
    await db.disciplineThreshold.delete({ where: { code: "BEBAS_JABATAN_12" } });
    expect(await ensureDefaultThresholds(db)).toEqual(["BEBAS_JABATAN_12"]);
    expect(await ensureDefaultThresholds(db)).toEqual([]);
    const rows = await thresholdsOf(db);
    expect(rows.find((t) => t.code === "TEGURAN_LISAN")?.minDays).toBe(2);
    expect(rows.find((t) => t.code === "BEBAS_JABATAN_12")).toMatchObject({
      minDays: 25,
      consecutive: false,
      labelEn: "Release from the post to an executor post for 12 months",
    });
  });
});

it("the migration's old seed agrees with the code, so the code is the one source", () => {
  // an applied migration cannot change; what it seeded must be what PP94_THRESHOLDS says for those codes
  const sql = readFileSync(path.join(MIGRATIONS_DIR, "20261125220842_compliance_reports", "migration.sql"), "utf8");
  const seeded = [
    ...sql.matchAll(/\('pp94-[a-z_0-9]+', '([A-Z_0-9]+)', (\d+), (true|false), '([^']+)', '([^']+)'/g),
  ].map((m) => ({ code: m[1], minDays: Number(m[2]), consecutive: m[3] === "true", labelId: m[4], labelEn: m[5] }));
  expect(seeded).toHaveLength(7);
  for (const s of seeded) expect(PP94_THRESHOLDS.find((t) => t.code === s.code)).toEqual(s);
});

describe("discipline watch (PGlite + chDB)", () => {
  let db: Db;
  let ch: ClickHouse;
  let regionId: string;
  const closers: (() => Promise<void>)[] = [];
  type Att = {
    employee_id: string;
    day: string;
    status: string;
    check_in?: string | null;
    check_out?: string | null;
    late_minutes?: number;
  };
  const att = (a: Att) => ({
    region_id: "R",
    unit_id: "U1",
    employee_id: a.employee_id,
    day: a.day,
    status: a.status,
    check_in: a.check_in ? minutes(a.check_in) : null,
    check_out: a.check_out ? minutes(a.check_out) : null,
    late_minutes: a.late_minutes ?? 0,
    batch_id: 1,
    line: 1,
  });
  const watch = async (year: number) =>
    new Map(
      (await disciplineWatch(db, ch, regionId, year, "")).map((r) => [r.employeeId, r] as [string, DisciplineRow]),
    );

  beforeAll(async () => {
    const rel = await openTestDb();
    db = rel.db;
    closers.push(rel.close);
    const chdb = await openTestChdb();
    ch = chdb.ch;
    closers.push(chdb.close);
    await applyClickHouseMigrations(ch);
    await ensureDefaultThresholds(db); // what every start does
    regionId = (await db.region.create({ data: { code: "UJI", name: "Kabupaten Uji" } })).id;
    await ch.insert("dim_unit", [
      {
        unit_id: "U1",
        region_id: "R",
        parent_id: null,
        code: "BKPSDM",
        name: "BKPSDM",
        path: ["U1"],
        active: true,
        version: 1,
      },
    ]);
    const emp = (id: string, name: string, nip: string) => ({
      employee_id: id,
      region_id: "R",
      unit_id: "U1",
      nip,
      name,
      gender: "P",
      employment_type: "PNS",
      rank: "III/a",
      position: "Staf",
      appointed_on: "2010-01-01",
      retired_on: null,
      active: true,
      version: 1,
    });
    await ch.insert("dim_employee", [
      emp("eko", "Eko Prasetyo", "198001012010011001"),
      emp("fitri", "Fitri Handayani", "198101012010012002"),
      emp("gani", "Gani Wijaya", "198201012010011003"),
      emp("budi", "Budi Santoso", "198301012010011004"),
      emp("citra", "Citra Dewi", "198401012010012005"),
      emp("dewi", "Dewi Anggraini", "198501012010012006"),
    ]);
    // the region's calendar: Nyepi, Idul Fitri and cuti bersama 18–24 March 2026; Christmas 2025 and New Year
    const holidays = [
      "2026-03-18",
      "2026-03-19",
      "2026-03-20",
      "2026-03-23",
      "2026-03-24",
      "2025-12-25",
      "2025-12-26",
      "2026-01-01",
    ];
    await db.holiday.createMany({
      data: holidays.map((d) => ({ regionId, date: new Date(`${d}T00:00:00Z`), kind: "NATIONAL" as const, name: d })),
    });
    const mondays = (first: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        new Date(Date.parse(`${first}T00:00:00Z`) + i * 7 * 86_400_000).toISOString().slice(0, 10),
      );
    await ch.insert("fact_attendance", [
      // Eko: 2 TK days; late 10 × 100 minutes, and a TL4 without check-in (its band's floor, 91)
      ...["2026-02-02", "2026-02-03"].map((day) => att({ employee_id: "eko", day, status: "TK" })),
      ...Array.from({ length: 10 }, (_, i) =>
        att({
          employee_id: "eko",
          day: `2026-04-${String(6 + i).padStart(2, "0")}`,
          status: "TL4",
          check_in: "09:10",
          check_out: "16:05",
          late_minutes: 100,
        }),
      ),
      att({ employee_id: "eko", day: "2026-04-20", status: "TL4", check_out: "16:05" }),
      // early leave: Friday 15.45 (the day ends 16.30: 45), Monday 15.50 (16.00: 10), no check-out (PSW4: 91),
      // Monday 15.30 marked PSW3 (30 computed, but the band says at least 61)
      att({ employee_id: "eko", day: "2026-05-08", status: "PSW2", check_in: "07:20", check_out: "15:45" }),
      att({ employee_id: "eko", day: "2026-05-11", status: "PSW1", check_in: "07:20", check_out: "15:50" }),
      att({ employee_id: "eko", day: "2026-05-12", status: "PSW4", check_in: "07:20" }),
      att({ employee_id: "eko", day: "2026-05-18", status: "PSW3", check_in: "07:20", check_out: "15:30" }),
      att({ employee_id: "eko", day: "2026-05-19", status: "H", check_in: "07:20", check_out: "16:10" }),
      // last year's lateness does not count in 2026
      ...Array.from({ length: 20 }, (_, i) =>
        att({
          employee_id: "eko",
          day: `2025-11-${String(3 + i).padStart(2, "0")}`,
          status: "TL4",
          check_in: "10:00",
          late_minutes: 150,
        }),
      ),
      // Fitri: never absent, late 15 × 91 minutes = 3 days: listed on lateness alone
      ...Array.from({ length: 15 }, (_, i) =>
        att({
          employee_id: "fitri",
          day: `2026-06-${String(1 + i).padStart(2, "0")}`,
          status: "TL4",
          check_in: "09:01",
          late_minutes: 91,
        }),
      ),
      // Gani: 1 TK day and 400 late minutes (less than a day): not near any threshold
      att({ employee_id: "gani", day: "2026-03-02", status: "TK" }),
      ...Array.from({ length: 5 }, (_, i) =>
        att({
          employee_id: "gani",
          day: `2026-03-${String(9 + i).padStart(2, "0")}`,
          status: "TL3",
          check_in: "08:50",
          late_minutes: 80,
        }),
      ),
      // Budi: 30 TK days, one a week (never in a row), present between
      ...mondays("2026-01-05", 30).map((day) => att({ employee_id: "budi", day, status: "TK" })),
      ...mondays("2026-01-06", 30).map((day) =>
        att({ employee_id: "budi", day, status: "H", check_in: "07:25", check_out: "16:05" }),
      ),
      // Citra: TK 12–17 and 25 March–1 April; the weekends and 18–24 March's holidays between make 10 working days in a row
      ...[
        "2026-03-12",
        "2026-03-13",
        "2026-03-16",
        "2026-03-17",
        "2026-03-25",
        "2026-03-26",
        "2026-03-27",
        "2026-03-30",
        "2026-03-31",
        "2026-04-01",
      ].map((day) => att({ employee_id: "citra", day, status: "TK" })),
      // Dewi: a run from 22 December 2025 into January 2026 over Christmas and New Year, 10 working days
      ...[
        "2025-12-22",
        "2025-12-23",
        "2025-12-24",
        "2025-12-29",
        "2025-12-30",
        "2025-12-31",
        "2026-01-02",
        "2026-01-05",
        "2026-01-06",
        "2026-01-07",
      ].map((day) => att({ employee_id: "dewi", day, status: "TK" })),
      att({ employee_id: "dewi", day: "2025-11-03", status: "TK" }), // before December: no run reaches from it
    ]);
  });
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  it("counts late arrival and early leave apart from TK and converts every 7.5 hours to a day toward the total", async () => {
    const rows = await watch(2026);
    expect(rows.get("eko")).toMatchObject({
      tkDays: 2,
      lateMinutes: 10 * 100 + 91,
      earlyMinutes: 45 + 10 + 91 + 61,
      convertedDays: 2,
      total: 4,
      reached: { code: "TEGURAN_TERTULIS" },
    });
    expect(rows.get("fitri")).toMatchObject({
      tkDays: 0,
      lateMinutes: 15 * 91,
      convertedDays: 3,
      total: 3,
      longestRun: 0,
      reached: { code: "TEGURAN_LISAN" },
    });
    expect(rows.has("gani")).toBe(false);
    // 2025: Eko's November lateness, 20 × 150 minutes = 6 days and 300 minutes over
    expect((await watch(2025)).get("eko")).toMatchObject({
      tkDays: 0,
      lateMinutes: 3000,
      convertedDays: 6,
      total: 6,
      reached: { code: "TEGURAN_TERTULIS" },
    });
  });

  it("shows the heaviest standing: 30 TK days is discharge, not an allowance cut", async () => {
    const budi = (await watch(2026)).get("budi");
    expect(budi).toMatchObject({
      tkDays: 30,
      total: 30,
      longestRun: 1,
      reached: {
        code: "PEMBERHENTIAN_KUMULATIF",
        labelEn: "Honourable discharge not at own request (28 or more TK days)",
      },
      reachedConsecutive: null,
      next: null,
    });
    // with the old seven tiers only (a database the start-up step never ran on), the same days stop at the allowance cut
    await db.disciplineThreshold.deleteMany({
      where: { code: { in: ["TURUN_JABATAN_12", "BEBAS_JABATAN_12", "PEMBERHENTIAN_KUMULATIF"] } },
    });
    expect((await watch(2026)).get("budi")?.reached?.code).toBe("POTONG_TUKIN_12");
    await ensureDefaultThresholds(db);
    expect((await watch(2026)).get("budi")?.reached?.code).toBe("PEMBERHENTIAN_KUMULATIF");
  });

  it("counts consecutive working days over weekends and the region's holidays", async () => {
    expect((await watch(2026)).get("citra")).toMatchObject({
      tkDays: 10,
      longestRun: 10,
      reachedConsecutive: { code: "PEMBERHENTIAN" },
      reached: { code: "PERNYATAAN_TIDAK_PUAS" },
    });
    // without the holidays in the calendar, 18–24 March were working days and the run breaks there
    await db.holiday.deleteMany({
      where: { regionId, date: { gte: new Date("2026-03-18T00:00:00Z"), lte: new Date("2026-03-24T00:00:00Z") } },
    });
    try {
      expect((await watch(2026)).get("citra")).toMatchObject({ longestRun: 6, reachedConsecutive: null });
    } finally {
      const back = ["2026-03-18", "2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24"];
      await db.holiday.createMany({
        data: back.map((d) => ({ regionId, date: new Date(`${d}T00:00:00Z`), kind: "CUTI_BERSAMA" as const, name: d })),
      });
    }
  });

  it("carries a run from December into the new year; each year counts its own days", async () => {
    // 2026: four TK days of its own, but the run started on 22 December reaches 10 working days
    expect((await watch(2026)).get("dewi")).toMatchObject({
      tkDays: 4,
      longestRun: 10,
      reachedConsecutive: { code: "PEMBERHENTIAN" },
      reached: { code: "TEGURAN_TERTULIS" },
    });
    // 2025: seven days (November's and six in December), the run ends with the year's last day
    expect((await watch(2025)).get("dewi")).toMatchObject({
      tkDays: 7,
      longestRun: 6,
      reachedConsecutive: null,
      reached: { code: "PERNYATAAN_TIDAK_PUAS" },
    });
  });
});
