// The dashboard's numbers against independent computations: the generator's truth (attendance,
// e-Kinerja) and the relational store (requests, recomputed here in plain TypeScript), on half a year
// with holidays, weekends, SLA breaches and returned requests.
import { readdirSync } from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../../../etl/generate/generate";
import type { Truth } from "../../../../etl/generate/model";
import { runEtl } from "../../../../etl/run";
import { dayNumber, dayOfDate, localDay, WorkCalendar } from "@/lib/domain/working-days";
import { ikm, ikmSample } from "@/lib/domain/ikm";
import { createCaller } from "@/server/api/root";
import { openEtlStores, type EtlTestStores } from "@/test/etl";
import { UNIT_FILTER } from "@/server/clickhouse/scope";
import type { Overview } from "./kpi";

const CFG = { seed: 11, employees: 120, start: "2025-07-01", end: "2026-02-27" };
const TODAY = "2026-02-27";

const PRESENT = ["H", "TL1", "TL2", "TL3", "TL4", "PSW1", "PSW2", "PSW3", "PSW4", "DL"];
const NOT_DUE = ["L", "CT", "TB"];

/** The last day of the month that starts on `month`. */
const addMonthsEnd = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
/** ClickHouse's quantileTiming picks the element at floor(level × count) of the sorted values. */
const quantile = (sorted: number[], level: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(level * sorted.length))]! : null;

interface Finished {
  serviceTypeId: string;
  unitId: string;
  status: string;
  doneDay: number;
  processing: number;
  breached: boolean;
  returned: boolean;
}

describe("dashboard KPIs (PGlite + chDB)", () => {
  let s: EtlTestStores;
  let truth: Truth;
  let finished: Finished[];
  let requests: { unitId: string; submitDay: number; doneDay: number | null; dueDay: number }[];
  const units: Record<string, string> = {};

  const as = (role: Session["user"]["role"], unitId: string | null = null) =>
    createCaller({
      db: s.db,
      clientKey: "test",
      clickhouse: async () => s.ch,
      session: {
        expires: new Date(Date.now() + 3_600_000).toISOString(),
        user: { id: "u", name: "T", username: "t", role, unitId },
      },
    });
  const leader = () => as("LEADER");

  beforeAll(async () => {
    s = await openEtlStores();
    const out = path.join(s.dataDir, "gen");
    truth = await generate(s.db, { ...CFG, outDir: out });
    // Survey responses over the months, with scores that vary by unit and month.
    const region = await s.db.region.findFirstOrThrow();
    const someUnits = await s.db.unit.findMany({ take: 4, orderBy: { code: "asc" } });
    const service = await s.db.serviceType.findFirstOrThrow({ orderBy: { code: "asc" } });
    let n = 0;
    for (let day = dayNumber("2025-08-01"); day <= dayNumber("2026-02-26"); day += 3) {
      const unit = someUnits[n % someUnits.length]!;
      const sc = (k: number) => 1 + ((n * 7 + k * 3 + (day % 5)) % 4);
      await s.db.surveyResponse.create({
        data: {
          regionId: region.id,
          unitId: unit.id,
          serviceTypeId: service.id,
          submissionKey: `k${n}`,
          channel: "LINK",
          ageGroup: "26-35",
          gender: n % 2 ? "L" : "P",
          education: "SMA",
          occupation: "PNS",
          u1: sc(1),
          u2: sc(2),
          u3: sc(3),
          u4: sc(4),
          u5: sc(5),
          u6: sc(6),
          u7: sc(7),
          u8: sc(8),
          u9: sc(9),
          isComplaint: n % 11 === 0,
          suggestion: n % 11 === 0 ? "Lambat" : null,
          createdAt: new Date(day * 86_400_000 + 3 * 3_600_000), // 10:00 WIB
        },
      });
      n++;
    }
    await runEtl(s, { files: readdirSync(out).map((f) => ({ path: path.join(out, f) })), lagMs: 0, today: TODAY });
    for (const u of await s.db.unit.findMany()) units[u.code] = u.id;

    // Requests, recomputed from the relational store.
    const holidays = await s.db.holiday.findMany();
    const calendar = new WorkCalendar(holidays.map((h) => dayOfDate(h.date)));
    const sla = new Map((await s.db.serviceType.findMany()).map((t) => [t.id, t.slaDays]));
    const rows = await s.db.serviceRequest.findMany({
      include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    });
    finished = [];
    requests = [];
    for (const r of rows) {
      const submitDay = localDay(r.submittedAt);
      const last = r.events.at(-1)!;
      const done = last.status === "COMPLETED" || last.status === "REJECTED";
      const doneDay = done ? localDay(last.at) : null;
      requests.push({
        unitId: r.unitId,
        submitDay,
        doneDay,
        dueDay: calendar.addWorkingDays(submitDay, sla.get(r.serviceTypeId)!),
      });
      if (done) {
        const processing = calendar.workingDaysBetween(submitDay, doneDay!);
        finished.push({
          serviceTypeId: r.serviceTypeId,
          unitId: r.unitId,
          status: last.status,
          doneDay: doneDay!,
          processing,
          breached: last.status === "COMPLETED" && processing > sla.get(r.serviceTypeId)!,
          returned: r.events.some((e) => e.status === "RETURNED"),
        });
      }
    }
  }, 120_000);
  afterAll(() => s.close());

  function expectRequests(o: Overview["requests"]["current"], from: string, to: string, unitIds?: Set<string>) {
    const inRange = finished.filter(
      (f) => f.doneDay >= dayNumber(from) && f.doneDay <= dayNumber(to) && (!unitIds || unitIds.has(f.unitId)),
    );
    const completed = inRange.filter((f) => f.status === "COMPLETED");
    const times = completed.map((f) => f.processing).sort((a, b) => a - b);
    expect(o).toEqual({
      completed: completed.length,
      rejected: inRange.length - completed.length,
      breached: completed.filter((f) => f.breached).length,
      returned: inRange.filter((f) => f.returned).length,
      p50: quantile(times, 0.5),
      p90: quantile(times, 0.9),
    });
  }

  function expectBacklog(b: { open: number; overdue: number }, at: string, unitIds?: Set<string>) {
    const d = dayNumber(at);
    const open = requests.filter(
      (r) => r.submitDay <= d && (r.doneDay === null || r.doneDay > d) && (!unitIds || unitIds.has(r.unitId)),
    );
    expect(b).toEqual({ open: open.length, overdue: open.filter((r) => r.dueDay < d).length });
  }

  function monthsSum<T extends Record<string, number>>(
    byMonth: Record<string, T>,
    months: string[],
    pick: (m: T) => number,
  ) {
    return months.reduce((n, m) => n + (byMonth[m] ? pick(byMonth[m]) : 0), 0);
  }

  it("matches the generator and the relational store over whole months (custom range)", async () => {
    const o = await (
      await leader()
    ).dashboard.overview({ period: "custom", from: "2025-10-01", to: "2025-12-31", today: TODAY });
    expect(o.period.previous).toEqual({ from: "2025-07-01", to: "2025-09-30" });
    const months = ["2025-10", "2025-11", "2025-12"];
    const att = (f: (m: Record<string, number>) => number) => monthsSum(truth.attendance.byMonth, months, f);
    const sum = (m: Record<string, number>, keys: string[]) => keys.reduce((n, k) => n + (m[k] ?? 0), 0);
    const due = att((m) => Object.entries(m).reduce((n, [k, v]) => n + (NOT_DUE.includes(k) ? 0 : v), 0));
    const present = att((m) => sum(m, PRESENT));
    const late = att((m) => sum(m, ["TL1", "TL2", "TL3", "TL4"]));
    const tk = att((m) => m.TK ?? 0);
    expect(due).toBeGreaterThan(1000);
    expect(tk).toBeGreaterThan(0);
    expect(o.attendance.current).toEqual({ due, present, late, absentTk: tk });
    expect(o.kpis.attendanceRate.value).toBeCloseTo(present / due, 12);
    expect(o.kpis.latenessRate.value).toBeCloseTo(late / present, 12);
    expect(o.kpis.absenceTkRate.value).toBeCloseTo(tk / due, 12);

    const ek = (f: (m: Record<string, number>) => number) => monthsSum(truth.ekinerja.byMonth, months, f);
    const ekDue = ek((m) => Object.values(m).reduce((a, b) => a + b, 0));
    const onTime = ek((m) => sum(m, ["daily.on_time", "monthly.on_time"]));
    const ekLate = ek((m) => sum(m, ["daily.late", "monthly.late"]));
    expect(o.ekinerja.current).toEqual({ due: ekDue, onTime, late: ekLate, missing: ekDue - onTime - ekLate });
    expect(o.kpis.ekinerjaFillRate.value).toBeCloseTo(onTime / ekDue, 12);

    expectRequests(o.requests.current, "2025-10-01", "2025-12-31");
    expectRequests(o.requests.previous, "2025-07-01", "2025-09-30");
    expect(o.requests.current.completed).toBeGreaterThan(20);
    expect(o.requests.current.breached).toBeGreaterThan(0);
    expect(o.requests.current.returned).toBeGreaterThan(0);
    const r = o.requests.current;
    expect(o.kpis.slaCompliance.value).toBeCloseTo((r.completed - r.breached) / r.completed, 12);
    expectBacklog(o.backlog.current, "2025-12-31");
    expectBacklog(o.backlog.previous, "2025-09-30");
    // nothing a year earlier: no value rather than a zero rate
    expect(o.kpis.attendanceRate.lastYear).toBeNull();
    expect(o.kpis.processingP50.lastYear).toBeNull();
  });

  it("computes IKM, its grade and respondents for a period from the responses in the relational store", async () => {
    const o = await (
      await leader()
    ).dashboard.overview({ period: "custom", from: "2025-10-01", to: "2025-12-31", today: TODAY });
    const rows = await s.db.surveyResponse.findMany({
      where: { createdAt: { gte: new Date("2025-09-30T17:00:00Z"), lt: new Date("2025-12-31T17:00:00Z") } },
    });
    const expected = ikm(
      rows.map((r) => ({ U1: r.u1, U2: r.u2, U3: r.u3, U4: r.u4, U5: r.u5, U6: r.u6, U7: r.u7, U8: r.u8, U9: r.u9 })),
    );
    expect(rows.length).toBeGreaterThan(20);
    // judged against the requests completed in the same range (Krejcie–Morgan), at least the floor
    const sample = ikmSample(rows.length, o.requests.current.completed);
    expect(sample.standing).not.toBe("insufficient");
    expect(o.survey.current).toEqual({
      respondents: expected.respondents,
      ikm: expected.converted,
      grade: expected.grade,
      weakest: expected.weakest,
      elements: expected.elements,
      sample,
    });
    expect(o.kpis.ikm.value).toBe(expected.converted);
    expect(o.survey.lastYear.respondents).toBe(0);
    expect(o.kpis.ikm.lastYear).toBeNull();
  });

  it("breaks IKM down by service, unit and element, with the respondents' profile", async () => {
    const v = await (
      await leader()
    ).dashboard.satisfaction({ period: "custom", from: "2025-10-01", to: "2025-12-31", today: TODAY });
    const rows = await s.db.surveyResponse.findMany({
      where: { createdAt: { gte: new Date("2025-09-30T17:00:00Z"), lt: new Date("2025-12-31T17:00:00Z") } },
    });
    const scores = (list: typeof rows) =>
      list.map((r) => ({ U1: r.u1, U2: r.u2, U3: r.u3, U4: r.u4, U5: r.u5, U6: r.u6, U7: r.u7, U8: r.u8, U9: r.u9 }));
    const all = ikm(scores(rows));
    expect([v.overall.respondents, v.overall.ikm, v.overall.grade]).toEqual([
      all.respondents,
      all.converted,
      all.grade,
    ]);
    expect(v.elements.map((e) => e.nrr)).toEqual(Object.values(all.elements));
    for (const u of v.byUnit) {
      const mine = ikm(scores(rows.filter((r) => r.unitId === u.id)));
      // a unit with fewer answers than the floor shows no value (about 8 each here)
      const shown = u.standing !== "insufficient";
      expect([u.id, u.respondents, u.ikm, u.weakest]).toEqual([
        u.id,
        mine.respondents,
        shown ? mine.converted : null,
        shown ? mine.weakest : null,
      ]);
    }
    expect(v.byUnit.reduce((n, u) => n + u.respondents, 0)).toBe(rows.length);
    expect(v.complaints).toBe(rows.filter((r) => r.isComplaint).length);
    const gender = v.profile.filter((p) => p.field === "gender");
    expect(gender.reduce((n, p) => n + p.respondents, 0)).toBe(rows.length);
    // the people served are the requests completed in the period
    const served = (await leader()).dashboard.overview({
      period: "custom",
      from: "2025-10-01",
      to: "2025-12-31",
      today: TODAY,
    });
    expect(v.overall.population).toBe((await served).requests.current.completed);
    expect(v.overall.sample).toBe(ikmSample(rows.length, v.overall.population).required);
  });

  it("does not grade or compare an IKM from a handful of answers, on the tile, the satisfaction page and its trend", async () => {
    const api = await leader();
    // 1–7 October: a few answers
    const range = { period: "custom" as const, from: "2025-10-01", to: "2025-10-07", today: TODAY };
    const rows = await s.db.surveyResponse.findMany({
      where: { createdAt: { gte: new Date("2025-09-30T17:00:00Z"), lt: new Date("2025-10-07T17:00:00Z") } },
    });
    // a handful: the test's own answers and the generator's one-time-link answers of that week
    const n = rows.length;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThan(30);
    const o = await api.dashboard.overview(range);
    expect(o.survey.current).toMatchObject({
      respondents: n,
      ikm: null,
      grade: null,
      weakest: null,
      sample: { standing: "insufficient", minimum: 30 },
    });
    expect(o.survey.current.sample).toEqual(ikmSample(n, o.requests.current.completed));
    expect(o.kpis.ikm.value).toBeNull(); // so no "▲ naik 16,67 poin" against the week before
    // the trend's months follow the same rule as a month on its own: too few answers draw no point
    const year = await api.dashboard.overview({ period: "custom", from: "2025-08-01", to: "2026-01-31", today: TODAY });
    expect(year.kpis.ikm.value).not.toBeNull();
    const gaps: string[] = [];
    for (const [i, month] of year.months.entries()) {
      if (month < "2025-08-01") continue;
      const m = await api.dashboard.overview({
        period: "custom",
        from: month,
        to: year.period.trend.to < addMonthsEnd(month) ? year.period.trend.to : addMonthsEnd(month),
        today: TODAY,
      });
      expect(year.kpis.ikm.trend[i]).toBe(m.kpis.ikm.value);
      if (m.survey.current.respondents > 0 && m.kpis.ikm.value === null) gaps.push(month);
    }
    expect(gaps.length).toBeGreaterThan(0); // about ten answers a month: under the floor

    const v = await api.dashboard.satisfaction(range);
    expect(v.overall).toMatchObject({ respondents: n, ikm: null, grade: null, standing: "insufficient" });
    expect(v.elements.every((e) => e.nrr === null)).toBe(true);
    for (const r of [...v.byUnit, ...v.byService])
      expect([r.ikm, r.grade, r.standing]).toEqual([null, null, "insufficient"]);
    expect(v.overTime.every((p) => p.ikm === null)).toBe(true);
    expect(v.floor).toBe(30);
  });

  it("lists the suggestions and complaints of the chosen period and scope, as many as the card above counts", async () => {
    const api = await leader();
    // the default period, last month: January 2026 (WIB days)
    const list = await api.survey.feedback({ today: TODAY });
    const card = await api.dashboard.satisfaction({ today: TODAY });
    const january = await s.db.surveyResponse.findMany({
      where: {
        suggestion: { not: null },
        createdAt: { gte: new Date("2025-12-31T17:00:00Z"), lt: new Date("2026-01-31T17:00:00Z") },
      },
    });
    expect(january.length).toBeGreaterThan(0);
    expect(list.total).toBe(january.length);
    expect(list.total).toBe(card.suggestions);
    expect(list.rows.map((r) => r.id).sort()).toEqual(january.map((r) => r.id).sort());
    // all of the history is more than that
    expect(
      (await api.survey.feedback({ period: "custom", from: "2025-07-01", to: "2026-02-27", today: TODAY })).total,
    ).toBeGreaterThan(list.total);
    // a unit narrows it to its own answers; a unit head cannot look into another unit
    const unitId = january[0]!.unitId;
    const mine = await api.survey.feedback({
      period: "custom",
      from: "2025-07-01",
      to: "2026-02-27",
      unitId,
      today: TODAY,
    });
    expect(mine.total).toBe(await s.db.surveyResponse.count({ where: { unitId, suggestion: { not: null } } }));
    expect(mine.rows.every((r) => r.unitId === unitId)).toBe(true);
    const other = Object.values(units).find((id) => id !== unitId)!;
    await expect((await as("UNIT_HEAD", other)).survey.feedback({ unitId, today: TODAY })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("ranks units on each component only on enough data, ties as ties, overall only with every component", async () => {
    const api = await leader();
    const range = { period: "custom" as const, from: "2025-10-01", to: "2025-12-31", today: TODAY };
    const [card, services, attendance, sat] = await Promise.all([
      api.dashboard.scorecard(range),
      api.dashboard.services(range),
      api.dashboard.attendance(range),
      api.dashboard.satisfaction(range),
    ]);
    const rows = card.rows;
    expect(rows.length).toBeGreaterThan(5);
    expect(card.minimums).toEqual({ completedRequests: 10, personDays: 100, dueEntries: 30, respondents: 30 });
    for (const row of rows) {
      const svc = services.byUnit.find((u) => u.id === row.unitId);
      expect(row.values.sla).toBe(svc?.slaCompliance ?? null);
      expect(row.values.processing).toBe(svc?.p50 ?? null);
      expect(row.values.attendance).toBe(
        attendance.byUnit.find((u) => u.unitId === row.unitId)?.attendanceRate ?? null,
      );
      expect(row.values.ikm).toBe(sat.byUnit.find((u) => u.id === row.unitId)?.ikm ?? null);
      expect(row.tooFew.sla).toBe(row.values.sla !== null && row.completed < 10);
      expect(row.tooFew.attendance).toBe(row.values.attendance !== null && row.personDays < 100);
      expect(row.tooFew.ekinerja).toBe(row.values.ekinerja !== null && row.dueEntries < 30);
    }
    // each component, recomputed: a unit with enough data ranks 1 + the units strictly better (1, 1, 3)
    const HIGHER = { sla: true, processing: false, ikm: true, attendance: true, ekinerja: true } as const;
    for (const c of ["sla", "processing", "ikm", "attendance", "ekinerja"] as const) {
      const eligible = rows.filter((r) => r.values[c] !== null && !r.tooFew[c]);
      for (const r of rows) {
        if (!eligible.includes(r)) {
          expect(r.ranks[c]).toBeNull();
          continue;
        }
        const better = eligible.filter((o) =>
          HIGHER[c] ? o.values[c]! > r.values[c]! : o.values[c]! < r.values[c]!,
        ).length;
        expect(r.ranks[c]).toBe(better + 1);
        expect(r.tied[c]).toBe(eligible.some((o) => o !== r && o.values[c] === r.values[c]));
      }
    }
    // too few cases somewhere in a quarter of a small region, and no unit first overall on part of the card
    expect(rows.some((r) => Object.values(r.tooFew).some(Boolean))).toBe(true);
    for (const r of rows) {
      const ranks = Object.values(r.ranks);
      if (ranks.some((x) => x === null)) expect([r.overall, r.overallRank]).toEqual([null, null]);
      else expect(r.overall).toBeCloseTo((ranks as number[]).reduce((a, b) => a + b, 0) / 5, 12);
    }
    const ranked = rows.filter((r) => r.overallRank !== null);
    expect(ranked.map((r) => r.overall!)).toEqual(ranked.map((r) => r.overall!).sort((a, b) => a - b));
    for (const r of ranked) expect(r.overallRank).toBe(ranked.filter((o) => o.overall! < r.overall!).length + 1);
    // the ranked units come first
    expect(rows.slice(0, ranked.length)).toEqual(ranked);

    // a month of attendance: many units at the same rate share one rank, shown as tied
    const month = await api.dashboard.scorecard({
      period: "custom",
      from: "2025-12-01",
      to: "2025-12-31",
      today: TODAY,
    });
    for (const r of month.rows)
      if (r.tied.attendance)
        expect(month.rows.filter((o) => o.ranks.attendance === r.ranks.attendance).length).toBeGreaterThan(1);
  });

  it("counts every finished request of the whole history, as the generator planned them", async () => {
    const o = await (
      await leader()
    ).dashboard.overview({ period: "custom", from: CFG.start, to: CFG.end, today: TODAY });
    expect(o.requests.current.completed).toBe(truth.requests.completed);
    expect(o.requests.current.rejected).toBe(truth.requests.rejected);
    expect(o.requests.current.breached).toBe(truth.requests.breached);
    expect(o.backlog.current.open).toBe(truth.requests.open);
    expect(o.attendance.current.absentTk).toBe(Object.values(truth.attendance.tkByUnit).reduce((a, b) => a + b, 0));
  });

  it("resolves presets against today and gives a twelve-month trend whose months match the ranges", async () => {
    const api = await leader();
    const o = await api.dashboard.overview({ period: "month", today: TODAY });
    expect(o.period.current).toEqual({ from: "2026-02-01", to: "2026-02-27" });
    expect(o.period.previous).toEqual({ from: "2026-01-01", to: "2026-01-27" });
    expect(o.period.lastYear).toEqual({ from: "2025-02-01", to: "2025-02-27" });
    expectRequests(o.requests.current, "2026-02-01", "2026-02-27");
    expectRequests(o.requests.previous, "2026-01-01", "2026-01-27");
    expectBacklog(o.backlog.current, "2026-02-27");
    expect(o.months).toHaveLength(12);
    expect(o.months.at(-1)).toBe("2026-02-01");

    const dec = await api.dashboard.overview({ period: "custom", from: "2025-12-01", to: "2025-12-31", today: TODAY });
    const i = o.months.indexOf("2025-12-01");
    expect(o.kpis.completed.trend[i]).toBe(dec.kpis.completed.value);
    expect(o.kpis.attendanceRate.trend[i]).toBe(dec.kpis.attendanceRate.value);
    expect(o.kpis.ekinerjaFillRate.trend[i]).toBe(dec.kpis.ekinerjaFillRate.value);
    expect(o.kpis.backlog.trend[i]).toBe(dec.backlog.current.open);
    expect(o.kpis.processingP90.trend[i]).toBe(dec.kpis.processingP90.value);
    // months before the history began have nothing to show
    expect(o.kpis.attendanceRate.trend[0]).toBeNull();
  });

  it("opens on the last complete month, and never draws a running month or a week outside the period", async () => {
    const api = await leader();
    const o = await api.dashboard.overview({ today: TODAY });
    expect(o.period.preset).toBe("lastMonth");
    expect(o.period.current).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(o.partialMonth).toBeNull();
    // this month to date: its month is marked as running (the tiles leave it out of the line)
    expect((await api.dashboard.overview({ period: "month", today: TODAY })).partialMonth).toBe("2026-02-01");
    // October 2025 began on a Wednesday: its first week is drawn at 1 October, marked partial
    const range = { period: "custom" as const, from: "2025-10-01", to: "2025-10-31", today: TODAY };
    const [svc, att, ek, sat] = await Promise.all([
      api.dashboard.services(range),
      api.dashboard.attendance(range),
      api.dashboard.ekinerja(range),
      api.dashboard.satisfaction(range),
    ]);
    for (const points of [svc.overTime, att.overTime, ek.overTime, sat.overTime]) {
      expect(points.length).toBeGreaterThan(0);
      expect(points.every((p) => p.start >= "2025-10-01" && p.start <= "2025-10-31")).toBe(true);
    }
    expect(att.overTime.map((p) => [p.start, p.partial])).toEqual([
      ["2025-10-01", true],
      ["2025-10-06", false],
      ["2025-10-13", false],
      ["2025-10-20", false],
      ["2025-10-27", true],
    ]);
    // the first week's sums are those of 1–5 October
    const first = await api.dashboard.attendance({
      period: "custom",
      from: "2025-10-01",
      to: "2025-10-05",
      today: TODAY,
    });
    expect(att.overTime[0]!.due).toBe(first.overTime.reduce((n, p) => n + p.due, 0));
  });

  it("narrows to a unit and its sub-units, and holds a unit head to their own", async () => {
    const code = Object.keys(units).find((c) => c === "DISDIK") ?? Object.keys(units)[0]!;
    const subtree = new Set(
      (await s.db.unit.findMany()).filter((u) => u.id === units[code] || u.parentId === units[code]).map((u) => u.id),
    );
    const o = await (
      await leader()
    ).dashboard.overview({ period: "custom", from: CFG.start, to: CFG.end, unitId: units[code], today: TODAY });
    expectRequests(o.requests.current, CFG.start, CFG.end, subtree);
    const codes = (await s.db.unit.findMany({ where: { id: { in: [...subtree] } } })).map((u) => u.code);
    expect(o.attendance.current.absentTk).toBe(codes.reduce((n, c) => n + (truth.attendance.tkByUnit[c] ?? 0), 0));

    const head = await as("UNIT_HEAD", units[code]!);
    const own = await head.dashboard.overview({ period: "custom", from: CFG.start, to: CFG.end, today: TODAY });
    expect(own.requests.current).toEqual(o.requests.current);
    const other = Object.values(units).find((id) => !subtree.has(id))!;
    await expect(head.dashboard.overview({ period: "month", unitId: other, today: TODAY })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect((await as("EMPLOYEE", units[code]!)).dashboard.overview({ period: "month" })).rejects.toBeInstanceOf(
      TRPCError,
    );
  });

  it("breaks service performance down by service and unit, with the distribution and where requests wait", async () => {
    const p = await (
      await leader()
    ).dashboard.services({ period: "custom", from: "2025-10-01", to: "2026-01-31", today: TODAY });
    const inRange = finished.filter(
      (f) => f.doneDay >= dayNumber("2025-10-01") && f.doneDay <= dayNumber("2026-01-31") && f.status === "COMPLETED",
    );
    for (const row of p.byService) {
      const times = inRange
        .filter((f) => f.serviceTypeId === row.id)
        .map((f) => f.processing)
        .sort((a, b) => a - b);
      expect([row.id, row.completed, row.p50, row.p90]).toEqual([
        row.id,
        times.length,
        quantile(times, 0.5),
        quantile(times, 0.9),
      ]);
    }
    expect(p.byUnit.reduce((n, r) => n + r.completed, 0)).toBe(inRange.length);
    expect(p.histogram.reduce((n, h) => n + h.requests, 0)).toBe(inRange.length);
    expect(p.overTime.reduce((n, o) => n + o.completed, 0)).toBe(inRange.length);
    expect(p.bucket).toBe("month");
    // every transition out of a status in the period, counted from the relational event history
    const events = await s.db.requestEvent.findMany({ orderBy: [{ requestId: "asc" }, { at: "asc" }, { id: "asc" }] });
    const transitions = events.filter(
      (e, i) =>
        i > 0 &&
        events[i - 1]!.requestId === e.requestId &&
        localDay(e.at) >= dayNumber("2025-10-01") &&
        localDay(e.at) <= dayNumber("2026-01-31"),
    );
    expect(p.stages.reduce((n, st) => n + st.transitions, 0)).toBe(transitions.length);
    const open = requests.filter((r) => r.doneDay === null);
    expect(p.slowestOpen).toHaveLength(Math.min(20, open.length));
    expect(p.slowestOpen.map((r) => r.dueDay)).toEqual([...p.slowestOpen.map((r) => r.dueDay)].sort());
  });

  it("gives attendance and e-Kinerja by month, unit, weekday and band, matching the generator", async () => {
    const api = await leader();
    const range = { period: "custom" as const, from: "2025-10-01", to: "2025-12-31", today: TODAY };
    const months = ["2025-10", "2025-11", "2025-12"];
    const a = await api.dashboard.attendance(range);
    expect(a.bucket).toBe("month");
    expect(a.overTime.map((o) => o.start)).toEqual(months.map((m) => `${m}-01`));
    for (const [i, m] of months.entries()) {
      const t = truth.attendance.byMonth[m]!;
      const due = Object.entries(t).reduce((n, [k, v]) => n + (NOT_DUE.includes(k) ? 0 : v), 0);
      expect([a.overTime[i]!.due, a.overTime[i]!.present, a.overTime[i]!.absentTk]).toEqual([
        due,
        PRESENT.reduce((n, k) => n + (t[k] ?? 0), 0),
        t.TK ?? 0,
      ]);
      expect(a.lateBands.length).toBe(4);
    }
    const sumBands = a.lateBands.reduce((n, b) => n + b.days, 0);
    expect(sumBands).toBe(a.overTime.reduce((n, o) => n + o.late, 0));
    expect(a.byWeekday.map((w) => w.weekday)).toEqual([1, 2, 3, 4, 5]);
    expect(a.byWeekday.reduce((n, w) => n + w.due, 0)).toBe(a.overTime.reduce((n, o) => n + o.due, 0));
    expect(a.byUnit.reduce((n, u) => n + u.absentTk, 0)).toBe(a.overTime.reduce((n, o) => n + o.absentTk, 0));
    const rates = a.byUnit.map((u) => u.attendanceRate ?? -1);
    expect(rates).toEqual([...rates].sort((x, y) => y - x));

    const e = await api.dashboard.ekinerja(range);
    for (const [i, m] of months.entries()) {
      const t = truth.ekinerja.byMonth[m]!;
      expect(e.overTime[i]!.due).toBe(Object.values(t).reduce((x, y) => x + y, 0));
      expect(e.overTime[i]!.onTime).toBe((t["daily.on_time"] ?? 0) + (t["monthly.on_time"] ?? 0));
    }
    expect(e.byKind.map((k) => k.kind)).toEqual(["daily", "monthly"]);
    expect(e.employees.due).toBeGreaterThan(50);
    expect(e.employees.fullyCompliant).toBeGreaterThan(0);
    expect(e.employees.fullyCompliant).toBeLessThan(e.employees.due);

    // whole months read the per-employee year rollup (month bits); the same months across a year's end,
    // for the region and for one unit, give what the entries give
    const [busiest] = await s.ch.query<{ unit_id: string }>(
      "SELECT unit_id FROM fact_ekinerja_due WHERE due = 1 AND period BETWEEN '2025-11-01' AND '2026-01-31' GROUP BY unit_id ORDER BY count() DESC LIMIT 1",
    );
    for (const unitId of ["", busiest!.unit_id]) {
      const [want] = await s.ch.query<{ due: number; compliant: number }>(
        `SELECT count() AS due, countIf(ok) AS compliant FROM (
           SELECT employee_id, min(state = 'on_time') AS ok FROM fact_ekinerja_due
           WHERE due = 1 AND period BETWEEN '2025-11-01' AND '2026-01-31' AND ${UNIT_FILTER} GROUP BY employee_id)`,
        { unit: unitId },
      );
      const got = await api.dashboard.ekinerja({
        period: "custom",
        from: "2025-11-01",
        to: "2026-01-31",
        today: TODAY,
        ...(unitId ? { unitId } : {}),
      });
      expect(got.employees.due).toBeGreaterThan(0);
      expect([got.employees.due, got.employees.fullyCompliant]).toEqual([Number(want!.due), Number(want!.compliant)]);
    }
  });

  it("refuses a bad period with a validation error, not a crash", async () => {
    const api = await leader();
    await expect(
      api.dashboard.overview({ period: "custom", from: "2025-12-31", to: "2025-12-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.dashboard.overview({ period: "custom", from: "2025-02-30", to: "2025-03-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.dashboard.overview({ period: "custom" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
