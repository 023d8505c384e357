// The compliance list on real engines: due / not-due rules (leave, appointment, retirement), streaks that
// reach back before the chosen range, filters, sorting, pagination, scoping and audited follow-ups.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendanceFlags, type AttendanceStatus } from "@/lib/domain/attendance";
import { dayNumber, isoDay } from "@/lib/domain/working-days";
import { applyClickHouseMigrations } from "@/server/clickhouse/migrate";
import { classifyEkinerja } from "../../../../etl/load/ekinerja-due";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import { openTestChdb, openTestDb, relationalKinds } from "@/test/stores";
import { complianceFilter, type ComplianceFilter } from "../schemas";
import { latestFollowUps, recordFollowUp, type ComplianceUser } from "./follow-up";
import { complianceList, employeeTimeline, tkDaysByEmployee } from "./queries";

type State = "on_time" | "late" | "missing";
const filter = (f: Partial<ComplianceFilter> & { from: string; to: string }) => complianceFilter.parse(f);

describe("e-Kinerja compliance list (chDB)", () => {
  let ch: ClickHouse;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const t = await openTestChdb();
    const rel = await openTestDb();
    ch = t.ch;
    close = async () => {
      await rel.close();
      await t.close();
    };
    await applyClickHouseMigrations(ch);
    // the region the ETL classifies e-Kinerja entries for (its calendar and outages are relational)
    await rel.db.region.create({ data: { id: "R", code: "R", name: "R" } });
    await ch.insert("dim_unit", [
      {
        unit_id: "U1",
        region_id: "R",
        parent_id: null,
        code: "DISDIK",
        name: "Dinas Pendidikan",
        path: ["U1"],
        active: true,
        version: 1,
      },
      {
        unit_id: "U2",
        region_id: "R",
        parent_id: "U1",
        code: "SMP1",
        name: "SMP Negeri 1",
        path: ["U1", "U2"],
        active: true,
        version: 1,
      },
      {
        unit_id: "U3",
        region_id: "R",
        parent_id: null,
        code: "DINKES",
        name: "Dinas Kesehatan",
        path: ["U3"],
        active: true,
        version: 1,
      },
    ]);
    const emp = (
      id: string,
      name: string,
      unit: string,
      nip: string,
      appointed = "2010-01-01",
      retired: string | null = null,
    ) => ({
      employee_id: id,
      region_id: "R",
      unit_id: unit,
      nip,
      name,
      gender: "P",
      employment_type: "PNS",
      rank: "III/a",
      position: "Staf",
      appointed_on: appointed,
      retired_on: retired,
      active: true,
      version: 1,
    });
    await ch.insert("dim_employee", [
      emp("ani", "Ani Lestari", "U2", "198001012010012001"),
      emp("dedi", "Dedi Saputra", "U2", "198101012010011002"),
      emp("eka", "Eka Putri", "U3", "198201012026042003", "2026-04-10"),
      emp("fajar", "Fajar Hidayat", "U3", "196201011990011004", "1990-01-01", "2026-02-15"),
      emp("gita", "Gita Maharani", "U1", "198301012010012005"),
    ]);
    const monthly: [string, string, string, State][] = [];
    const months = (emp: string, unit: string, first: string, states: State[]) => {
      const [y, m] = first.split("-").map(Number) as [number, number];
      states.forEach((s, i) => {
        const d = new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 10);
        monthly.push([emp, unit, d, s]);
      });
    };
    months("ani", "U2", "2025-10", [
      "on_time",
      "on_time",
      "missing",
      "late",
      "on_time",
      "missing",
      "missing",
      "missing",
      "missing",
    ]);
    months("dedi", "U2", "2026-01", ["on_time", "on_time", "missing", "on_time", "on_time", "on_time"]);
    months("eka", "U3", "2026-01", ["missing", "missing", "missing", "on_time", "missing", "on_time"]);
    months("fajar", "U3", "2026-01", ["on_time", "missing", "missing"]);
    months("gita", "U1", "2026-01", ["on_time", "on_time", "on_time", "on_time", "on_time", "on_time"]);
    const row = (e: string, unit: string, kind: string, period: string, state: State) => ({
      region_id: "R",
      unit_id: unit,
      employee_id: e,
      kind,
      period,
      deadline: period,
      state,
      approval: state === "missing" ? "none" : "approved",
      // a late entry is made the day after its deadline (the ETL measures the state against the deadline)
      submitted_at:
        state === "missing" ? null : `${state === "late" ? isoDay(dayNumber(period) + 1) : period} 09:00:00.000`,
      batch_id: 1,
      line: 1,
    });
    await ch.insert("fact_ekinerja", [
      ...monthly.map(([e, u, p, s]) => row(e, u, "monthly", p, s)),
      // daily logs: Dedi's log on a leave day is not due; the next day's is
      row("dedi", "U2", "daily", "2026-04-06", "missing"),
      row("dedi", "U2", "daily", "2026-04-07", "missing"),
    ]);
    // Dedi spent all of March on leave (CT), and TK days for the discipline watch
    // as the ETL writes them: with what each day counts as
    const att = (e: string, unit: string, day: string, status: AttendanceStatus) => ({
      region_id: "R",
      unit_id: unit,
      employee_id: e,
      day,
      status,
      ...attendanceFlags(status),
      check_in: null,
      check_out: null,
      late_minutes: 0,
      batch_id: 1,
      line: 1,
    });
    const march = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10"];
    await ch.insert("fact_attendance", [
      ...march.map((d) => att("dedi", "U2", d, "CT")),
      att("dedi", "U2", "2026-04-06", "CT"),
      att("dedi", "U2", "2026-04-07", "H"),
      ...["2026-01-05", "2026-01-06", "2026-02-02"].map((d) => att("ani", "U2", d, "TK")),
      att("ani", "U2", "2026-01-07", "H"),
      att("fajar", "U3", "2026-01-05", "TK"),
    ]);
    await classifyEkinerja(rel.db, ch, { all: true });
  });
  afterAll(() => close());

  it("lists employees with missing entries, excluding what was not due, with fill rate, streak and last entry", async () => {
    const { rows, total } = await complianceList(ch, filter({ from: "2026-01", to: "2026-06" }), "");
    expect(total).toBe(3);
    expect(rows.map((r) => [r.name, r.due, r.onTime, r.late, r.missing, r.streak])).toEqual([
      ["Ani Lestari", 6, 1, 1, 4, 4],
      ["Fajar Hidayat", 2, 1, 0, 1, 1], // March is after his retirement: not due
      ["Eka Putri", 3, 2, 0, 1, 0], // January–March are before her appointment: not due
    ]);
    expect(rows[0]!.fillRate).toBeCloseTo(1 / 6);
    expect(rows[0]!.lastEntry).toMatch(/^2026-02-01 09:00/);
    expect(rows.map((r) => r.unitName)).toEqual(["SMP Negeri 1", "Dinas Kesehatan", "Dinas Kesehatan"]);
    // Dedi's March was leave: nothing missing, so not listed; with everyone listed his rate is 100%
    const all = await complianceList(ch, filter({ from: "2026-01", to: "2026-06", missingOnly: false }), "");
    expect(all.rows.find((r) => r.employeeId === "dedi")).toMatchObject({ due: 5, missing: 0, fillRate: 1 });
    expect(all.total).toBe(5);
  });

  it("counts a streak back before the chosen range, and tells daily logs on leave days apart", async () => {
    const { rows } = await complianceList(ch, filter({ from: "2026-05", to: "2026-06" }), "");
    expect(rows.find((r) => r.employeeId === "ani")).toMatchObject({ due: 2, missing: 2, streak: 4 });
    const daily = await complianceList(ch, filter({ from: "2026-04", to: "2026-04", kind: "daily" }), "");
    expect(daily.rows.map((r) => [r.employeeId, r.due, r.missing])).toEqual([["dedi", 1, 1]]);
  });

  it("filters by unit subtree, threshold and name or NIP, sorts and pages", async () => {
    const f = { from: "2026-01", to: "2026-06" };
    expect((await complianceList(ch, filter(f), "U1")).rows.map((r) => r.employeeId)).toEqual(["ani"]);
    expect((await complianceList(ch, filter(f), "U3")).rows.map((r) => r.employeeId)).toEqual(["fajar", "eka"]);
    expect((await complianceList(ch, filter({ ...f, maxFill: 50 }), "")).rows.map((r) => r.employeeId)).toEqual([
      "ani",
      "fajar",
    ]);
    expect((await complianceList(ch, filter({ ...f, q: "lestari" }), "")).rows.map((r) => r.employeeId)).toEqual([
      "ani",
    ]);
    expect((await complianceList(ch, filter({ ...f, q: "1962 0101" }), "")).rows.map((r) => r.employeeId)).toEqual([
      "fajar",
    ]);
    expect((await complianceList(ch, filter({ ...f, sort: "name" }), "")).rows.map((r) => r.employeeId)).toEqual([
      "ani",
      "eka",
      "fajar",
    ]);
    expect((await complianceList(ch, filter({ ...f, sort: "streak" }), "")).rows[0]!.employeeId).toBe("ani");
    const p1 = await complianceList(ch, filter(f), "", 2);
    const p2 = await complianceList(ch, filter({ ...f, page: 2 }), "", 2);
    expect([p1.total, p1.pages, p1.rows.length, p2.rows.length]).toEqual([3, 2, 2, 1]);
    expect(p2.rows[0]!.employeeId).toBe("eka");
    expect(complianceFilter.safeParse({ from: "2026-06", to: "2026-01" }).success).toBe(false);
    expect(complianceFilter.safeParse({ from: "2026-13", to: "2026-01" }).success).toBe(false);
  });

  it("shows one employee's months with attendance beside the entries, and TK days for the discipline watch", async () => {
    const t = await employeeTimeline(ch, "dedi", "2026-01", "2026-06");
    expect(t.find((m) => m.month === "2026-03")).toMatchObject({
      due: 0,
      missing: 0,
      notDueLeave: 1,
      attendance: { workdays: 0, leave: 7, present: 0 },
    }); // leave days are not due
    expect(t.find((m) => m.month === "2026-04")).toMatchObject({ due: 2, onTime: 1, missing: 1, notDueLeave: 1 });
    const eka = await employeeTimeline(ch, "eka", "2026-01", "2026-06");
    expect(eka.map((m) => [m.month, m.due, m.notDueLeave])).toEqual([
      ["2026-01", 0, 1],
      ["2026-02", 0, 1],
      ["2026-03", 0, 1],
      ["2026-04", 1, 0],
      ["2026-05", 1, 0],
      ["2026-06", 1, 0],
    ]);
    const tk = await tkDaysByEmployee(ch, 2026, "", 1);
    expect(tk.map((r) => [r.employee_id, r.days.length])).toEqual([
      ["ani", 3],
      ["fajar", 1],
    ]);
    expect((await tkDaysByEmployee(ch, 2026, "U3", 1)).map((r) => r.employee_id)).toEqual(["fajar"]);
  });
});

describe.each(relationalKinds)("compliance follow-ups on %s", (kind) => {
  let db: Db;
  let closeDb: () => Promise<void>;
  const users: Record<string, ComplianceUser> = {};
  let ani = "";
  let budi = "";
  beforeAll(async () => {
    ({ db, close: closeDb } = await openTestDb(kind));
    const region = await db.region.create({ data: { code: "R", name: "R" } });
    const disdik = await db.unit.create({ data: { regionId: region.id, code: "DISDIK", name: "Dinas Pendidikan" } });
    const smp = await db.unit.create({
      data: { regionId: region.id, code: "SMP1", name: "SMP 1", parentId: disdik.id },
    });
    const dinkes = await db.unit.create({ data: { regionId: region.id, code: "DINKES", name: "Dinas Kesehatan" } });
    const e = (name: string, unitId: string, nip: string) =>
      db.employee.create({
        data: {
          regionId: region.id,
          unitId,
          nip,
          name,
          gender: "P",
          rank: "III/a",
          position: "Staf",
          appointedOn: new Date("2010-01-01"),
        },
      });
    ani = (await e("Ani", smp.id, "198001012010012001")).id;
    budi = (await e("Budi", dinkes.id, "198001012010011002")).id;
    users.hr = { id: "u-hr", name: "HR", role: "HR", unitId: null };
    users.head = { id: "u-head", name: "Kadisdik", role: "UNIT_HEAD", unitId: disdik.id };
    users.leader = { id: "u-leader", name: "Pimpinan", role: "LEADER", unitId: null };
  });
  afterAll(() => closeDb());

  it("records contacted and resolved, audited; a unit head only for their units; a note is required", async () => {
    expect(await recordFollowUp(db, users.hr!, ani, "CONTACTED", "  ")).toEqual({
      ok: false,
      error: "compliance.error.note",
    });
    expect(await recordFollowUp(db, users.head!, budi, "CONTACTED", "Ditelepon")).toEqual({
      ok: false,
      error: "compliance.error.notFound",
    });
    expect(await recordFollowUp(db, users.leader!, ani, "CONTACTED", "Ditelepon")).toEqual({
      ok: false,
      error: "compliance.error.notFound",
    });
    expect(await recordFollowUp(db, users.hr!, "nobody", "CONTACTED", "x")).toEqual({
      ok: false,
      error: "compliance.error.notFound",
    });
    expect(await recordFollowUp(db, users.head!, ani, "CONTACTED", "Ditelepon, berjanji mengisi minggu ini")).toEqual({
      ok: true,
    });
    expect((await latestFollowUps(db, [ani, budi])).get(ani)?.state).toBe("CONTACTED");
    await new Promise((r) => setTimeout(r, 5));
    expect(await recordFollowUp(db, users.hr!, ani, "RESOLVED", "Sudah diisi")).toEqual({ ok: true });
    const latest = await latestFollowUps(db, [ani, budi]);
    expect([latest.get(ani)?.state, latest.get(ani)?.actorName, latest.has(budi)]).toEqual(["RESOLVED", "HR", false]);
    const audit = await db.auditLog.findMany({ where: { entityId: ani }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([
      ["compliance.contacted", "Kadisdik"],
      ["compliance.resolved", "HR"],
    ]);
  });
});
