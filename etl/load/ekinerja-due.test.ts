// The ClickHouse classification of e-Kinerja entries against the domain's own rules (classifyEntry), on
// every combination the rules tell apart: employment, leave days and months, outages that excuse or
// extend, for the whole region or a unit and its sub-units, and submissions around each deadline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendanceFlags, type AttendanceStatus } from "@/lib/domain/attendance";
import { classifyEntry, outageEffect, type OutageSpan } from "@/lib/domain/ekinerja";
import { dayNumber, isoDay, WorkCalendar } from "@/lib/domain/working-days";
import { openEtlStores, type EtlTestStores } from "@/test/etl";
import { rng } from "../generate/random";
import { classifyEkinerja } from "./ekinerja-due";

describe("e-Kinerja classification in ClickHouse follows the domain's rules (PGlite + chDB)", () => {
  let s: EtlTestStores;
  const HOLIDAYS = ["2026-03-19", "2026-03-20"];
  const calendar = new WorkCalendar(HOLIDAYS);
  const units = { root: "", child: "", other: "" };
  const emps: { id: string; unit: string; appointed: string; retired: string | null }[] = [];
  const spans: OutageSpan[] = [];
  const facts: {
    emp: string;
    unit: string;
    kind: "daily" | "monthly";
    period: string;
    deadline: string;
    submittedDay: number | null;
  }[] = [];
  const attendance = new Map<string, AttendanceStatus>();

  beforeAll(async () => {
    s = await openEtlStores();
    const r = await s.db.region.create({ data: { code: "X", name: "X" } });
    for (const d of HOLIDAYS)
      await s.db.holiday.create({
        data: { regionId: r.id, date: new Date(`${d}T00:00:00Z`), kind: "NATIONAL", name: "Libur" },
      });
    const root = await s.db.unit.create({ data: { regionId: r.id, code: "ROOT", name: "Dinas" } });
    const child = await s.db.unit.create({
      data: { regionId: r.id, code: "CHILD", name: "Sekolah", parentId: root.id },
    });
    const other = await s.db.unit.create({ data: { regionId: r.id, code: "OTHER", name: "Badan" } });
    Object.assign(units, { root: root.id, child: child.id, other: other.id });
    // outages: the whole region extended (Mon 2–Tue 3 March), the parent unit excused (10–11 March, so its
    // sub-unit too), another unit extended over a weekend and a holiday (20–22 March), and one removed
    const outages = [
      { startsOn: "2026-03-02", endsOn: "2026-03-03", effect: "EXTEND" as const, unitIds: [] },
      { startsOn: "2026-03-10", endsOn: "2026-03-11", effect: "EXCUSE" as const, unitIds: [root.id] },
      { startsOn: "2026-03-20", endsOn: "2026-03-22", effect: "EXTEND" as const, unitIds: [other.id] },
      { startsOn: "2026-04-03", endsOn: "2026-04-07", effect: "EXTEND" as const, unitIds: [child.id] },
    ];
    for (const o of outages) {
      await s.db.ekinerjaOutage.create({
        data: {
          regionId: r.id,
          kind: "EKINERJA_DOWN",
          effect: o.effect,
          startsOn: new Date(`${o.startsOn}T00:00:00Z`),
          endsOn: new Date(`${o.endsOn}T00:00:00Z`),
          unitIds: o.unitIds,
          note: "uji",
        },
      });
      spans.push({
        startsOn: dayNumber(o.startsOn),
        endsOn: dayNumber(o.endsOn),
        effect: o.effect,
        unitIds: o.unitIds,
      });
    }
    await s.db.ekinerjaOutage.create({
      data: {
        regionId: r.id,
        kind: "NETWORK_DOWN",
        effect: "EXCUSE",
        startsOn: new Date("2026-03-04"),
        endsOn: new Date("2026-03-06"),
        unitIds: [],
        note: "dihapus",
        removedAt: new Date(),
      },
    });

    const rand = rng(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const unitIds = [root.id, child.id, other.id];
    for (let i = 0; i < 24; i++) {
      const appointed = pick(["2010-01-01", "2026-03-09", "2026-03-16", "2026-02-20"]);
      const retired = pick([null, null, "2026-03-18", "2026-04-01", "2026-03-01"]);
      emps.push({ id: `e${i}`, unit: pick(unitIds), appointed, retired });
    }
    await s.ch.insert("dim_unit", [
      {
        unit_id: root.id,
        region_id: r.id,
        parent_id: null,
        code: "ROOT",
        name: "Dinas",
        path: [root.id],
        active: true,
        version: 1,
      },
      {
        unit_id: child.id,
        region_id: r.id,
        parent_id: root.id,
        code: "CHILD",
        name: "Sekolah",
        path: [root.id, child.id],
        active: true,
        version: 1,
      },
      {
        unit_id: other.id,
        region_id: r.id,
        parent_id: null,
        code: "OTHER",
        name: "Badan",
        path: [other.id],
        active: true,
        version: 1,
      },
    ]);
    await s.ch.insert(
      "dim_employee",
      emps.map((e) => ({
        employee_id: e.id,
        region_id: r.id,
        unit_id: e.unit,
        nip: e.id,
        name: e.id,
        gender: "P",
        employment_type: "PNS",
        rank: "III/a",
        position: "Staf",
        appointed_on: e.appointed,
        retired_on: e.retired,
        active: true,
        version: 1,
      })),
    );
    // March and April 2026, every working day: attendance (some employees wholly on leave in April) and daily logs;
    // monthly realisations for February, March and April with the deadline on the 5th of the next month
    const att: Record<string, unknown>[] = [];
    for (const e of emps) {
      const allLeaveApril = rand() < 0.2;
      for (let d = dayNumber("2026-03-01"); d <= dayNumber("2026-04-30"); d++) {
        const wk = calendar.isWorkingDay(d);
        const day = isoDay(d);
        if (!wk) {
          if (rand() < 0.3) attendance.set(`${e.id}|${day}`, "L");
        } else {
          const st: AttendanceStatus =
            day >= "2026-04-01" && allLeaveApril
              ? pick(["CT", "TB"])
              : pick(["H", "H", "H", "TL1", "DL", "CT", "TB", "TK", "I", "S"]);
          if (rand() < 0.9) attendance.set(`${e.id}|${day}`, st);
          if (rand() < 0.8) {
            const deadline = calendar.addWorkingDays(d, 1);
            const sub = rand() < 0.25 ? null : deadline + pick([-1, 0, 0, 1, 2, 3, 5]);
            facts.push({
              emp: e.id,
              unit: e.unit,
              kind: "daily",
              period: day,
              deadline: isoDay(deadline),
              submittedDay: sub,
            });
          }
        }
        const status = attendance.get(`${e.id}|${day}`);
        if (status)
          att.push({
            region_id: r.id,
            unit_id: e.unit,
            employee_id: e.id,
            day,
            status,
            ...attendanceFlags(status),
            check_in: null,
            check_out: null,
            late_minutes: status === "TL1" ? 5 : 0,
            batch_id: 1,
            line: att.length + 1,
          });
      }
      for (const month of ["2026-02", "2026-03", "2026-04"]) {
        const next = dayNumber(`${month}-01`) + 40;
        const deadline = dayNumber(isoDay(next).slice(0, 8) + "05");
        const sub = rand() < 0.3 ? null : deadline + pick([-3, 0, 1, 4]);
        facts.push({
          emp: e.id,
          unit: e.unit,
          kind: "monthly",
          period: `${month}-01`,
          deadline: isoDay(deadline),
          submittedDay: sub,
        });
      }
    }
    await s.ch.insert("fact_attendance", att);
    // a deadline inside the March outages for monthly entries too: February's realisation due 2 March… and 10 March
    facts.push({
      emp: emps[0]!.id,
      unit: units.child,
      kind: "monthly",
      period: "2026-02-01",
      deadline: "2026-03-10",
      submittedDay: null,
    });
    const seen = new Set<string>();
    const unique = facts.filter((f) => {
      const k = `${f.emp}|${f.kind}|${f.period}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    facts.length = 0;
    facts.push(...unique);
    await s.ch.insert(
      "fact_ekinerja",
      facts.map((f, i) => ({
        region_id: r.id,
        unit_id: f.unit,
        employee_id: f.emp,
        kind: f.kind,
        period: f.period,
        deadline: f.deadline,
        // 10:00 WIB on the submission day
        submitted_at: f.submittedDay === null ? null : `${isoDay(f.submittedDay)} 03:00:00.000`,
        state: "missing",
        approval: "none",
        batch_id: 1,
        line: i + 1,
      })),
    );
  });
  afterAll(() => s.close());

  it("gives every entry the due flag, reason, deadline and state classifyEntry gives it", async () => {
    expect(await classifyEkinerja(s.db, s.ch, { all: true })).toBe(3);
    const rows = await s.ch.query<{
      employee_id: string;
      kind: string;
      period: string;
      deadline: string;
      state: string;
      due: number;
      reason: string;
    }>(
      "SELECT employee_id, kind, toString(period) AS period, toString(deadline) AS deadline, state, due, reason FROM fact_ekinerja_due",
    );
    expect(rows.length).toBe(facts.length);
    const got = new Map(rows.map((r) => [`${r.employee_id}|${r.kind}|${r.period}`, r]));
    const pathOf = (unit: string) => (unit === units.child ? [units.child, units.root] : [unit]);
    const reasons = new Map<string, number>();
    for (const f of facts) {
      const e = emps.find((x) => x.id === f.emp)!;
      const period = dayNumber(f.period);
      const periodEnd = dayNumber(isoDay(period + 40).slice(0, 8) + "01") - 1;
      const monthDays = [...attendance.entries()].filter(
        ([k, st]) => k.startsWith(`${f.emp}|${f.period.slice(0, 7)}`) && st !== "L",
      );
      const dayStatus = attendance.get(`${f.emp}|${f.period}`);
      const want = classifyEntry({
        kind: f.kind,
        period,
        periodEnd,
        submittedDay: f.submittedDay,
        appointedDay: dayNumber(e.appointed),
        retiredDay: e.retired ? dayNumber(e.retired) : null,
        dayDue: dayStatus === undefined ? undefined : attendanceFlags(dayStatus).due === 1,
        month: { days: monthDays.length, dueDays: monthDays.filter(([, st]) => attendanceFlags(st).due === 1).length },
        outage: outageEffect(dayNumber(f.deadline), pathOf(f.unit), spans, calendar),
      });
      const r = got.get(`${f.emp}|${f.kind}|${f.period}`)!;
      expect({
        key: `${f.emp} ${f.kind} ${f.period}`,
        due: Number(r.due) === 1,
        reason: r.reason || null,
        deadline: r.deadline,
        state: r.state,
      }).toEqual({
        key: `${f.emp} ${f.kind} ${f.period}`,
        due: want.due,
        reason: want.reason,
        deadline: isoDay(want.deadline),
        state: want.state,
      });
      reasons.set(want.reason ?? "due", (reasons.get(want.reason ?? "due") ?? 0) + 1);
    }
    // every branch of the rules was taken
    for (const k of ["due", "not_employed", "leave", "outage"]) expect(reasons.get(k) ?? 0, k).toBeGreaterThan(0);
    const moved = facts.filter((f) => got.get(`${f.emp}|${f.kind}|${f.period}`)!.deadline !== f.deadline);
    expect(moved.length).toBeGreaterThan(0);

    // the rollup adds up the classified entries
    const [sum] = await s.ch.query<{ due: number; ot: number; leave: number; outage: number }>(
      "SELECT sum(due) AS due, sum(on_time) AS ot, sum(on_leave) AS leave, sum(outage) AS outage FROM rollup_ekinerja_due",
    );
    expect(Number(sum!.due)).toBe(reasons.get("due"));
    expect(Number(sum!.leave)).toBe(reasons.get("leave"));
    expect(Number(sum!.outage)).toBe(reasons.get("outage"));
  });

  it("classifies a month whose entries are none of them due, and repairs months a stopped run left unclassified", async () => {
    // July: only entries of someone long retired (not due); the per-employee rollup has nothing for the month
    const retired = emps.find((e) => e.retired === "2026-03-01")!;
    await s.ch.insert("fact_ekinerja", [
      {
        region_id: (await s.db.region.findFirstOrThrow()).id,
        unit_id: retired.unit,
        employee_id: retired.id,
        kind: "daily",
        period: "2026-07-01",
        deadline: "2026-07-02",
        submitted_at: null,
        state: "missing",
        approval: "none",
        batch_id: 9,
        line: 1,
      },
    ]);
    expect(await classifyEkinerja(s.db, s.ch, { batchIds: [9] })).toBe(1);
    const [july] = await s.ch.query<{ n: number; due: number }>(
      "SELECT count() AS n, sum(due) AS due FROM fact_ekinerja_due WHERE toYYYYMM(period) = 202607",
    );
    expect([Number(july!.n), Number(july!.due)]).toEqual([1, 0]);
    // a run stopped before classifying: March emptied in the classified table; the next run, given nothing, repairs it
    await s.ch.command("ALTER TABLE fact_ekinerja_due DROP PARTITION 202603");
    expect(await classifyEkinerja(s.db, s.ch, {})).toBe(1);
    const [total] = await s.ch.query<{ n: number }>("SELECT count() AS n FROM fact_ekinerja_due");
    expect(Number(total!.n)).toBe(facts.length + 1);
    facts.push({
      emp: retired.id,
      unit: retired.unit,
      kind: "daily",
      period: "2026-07-01",
      deadline: "2026-07-02",
      submittedDay: null,
    });
  });

  it("reclassifies only the months an outage change touches, and a removed outage no longer counts", async () => {
    expect(await classifyEkinerja(s.db, s.ch, {})).toBe(0);
    const o = await s.db.ekinerjaOutage.findFirstOrThrow({ where: { effect: "EXCUSE", removedAt: null } });
    await s.db.ekinerjaOutage.update({ where: { id: o.id }, data: { removedAt: new Date() } });
    // deadlines 10–11 March: entries of March (daily) and February (monthly)
    expect(await classifyEkinerja(s.db, s.ch, {})).toBe(2);
    const [n] = await s.ch.query<{ n: number }>("SELECT count() AS n FROM fact_ekinerja_due WHERE reason = 'outage'");
    expect(Number(n!.n)).toBe(0);
    const [total] = await s.ch.query<{ n: number }>("SELECT count() AS n FROM fact_ekinerja_due");
    expect(Number(total!.n)).toBe(facts.length);
  });
});
