// Transparency reports on real engines: numbers from ClickHouse with small cells suppressed, no personal
// data, published versions frozen by the database, corrections as new versions that say what changed.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { outcome } from "@/test/trpc";
import { generate } from "../../../../etl/generate/generate";
import { runEtl } from "../../../../etl/run";
import { openEtlStores, type EtlTestStores } from "@/test/etl";
import { parseReportPeriod } from "../period";
import { MIN_CELL, reportData } from "../schemas";
import { createDraft, findPublished, publishedIndex, publishReport, type ReportUser } from "./reports";

const TODAY = "2026-03-31";
const CFG = { seed: 5, employees: 60, start: "2026-01-01", end: TODAY };
const hr: ReportUser = { id: "u-hr", name: "Sri (BKPSDM)", role: "HR" };

describe("report periods", () => {
  it("reads a year, a quarter or a month and refuses anything else", () => {
    expect(parseReportPeriod("2026")).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(parseReportPeriod("2026-Q1")).toMatchObject({ slug: "2026-q1", from: "2026-01-01", to: "2026-03-31" });
    expect(parseReportPeriod("2024-02")).toMatchObject({ from: "2024-02-01", to: "2024-02-29" });
    for (const bad of ["2026-13", "2026-q5", "26", "1999", "2026-1", "x"]) expect(parseReportPeriod(bad)).toBeNull();
  });
});

describe("transparency reports (PGlite + chDB)", () => {
  let s: EtlTestStores;
  let regionId = "";
  beforeAll(async () => {
    s = await openEtlStores();
    const out = path.join(s.dataDir, "gen");
    // the history up to 15 March now; the rest of March arrives later (second test)
    await generate(s.db, { ...CFG, to: "2026-03-15", outDir: out });
    // February's answers: 35 at one unit, 12 and 14 at two others (too few to grade, enough to publish)
    const region = await s.db.region.findFirstOrThrow();
    const [many, few, other] = await s.db.unit.findMany({ take: 3, orderBy: { code: "asc" } });
    const service = await s.db.serviceType.findFirstOrThrow({ orderBy: { code: "asc" } });
    for (let i = 0; i < 61; i++) {
      const sc = 2 + (i % 3);
      await s.db.surveyResponse.create({
        data: {
          regionId: region.id,
          unitId: (i < 35 ? many : i < 47 ? few : other)!.id,
          serviceTypeId: service.id,
          submissionKey: `feb${i}`,
          channel: "LINK",
          ageGroup: "26-35",
          gender: "P",
          education: "SMA",
          occupation: "PNS",
          u1: sc,
          u2: sc,
          u3: sc,
          u4: sc,
          u5: sc,
          u6: sc,
          u7: sc,
          u8: sc,
          u9: sc,
          createdAt: new Date(Date.UTC(2026, 1, 2 + (i % 25), 3)),
        },
      });
    }
    await runEtl(s, {
      files: readdirSync(out).map((f) => ({ path: path.join(out, f) })),
      lagMs: 0,
      today: "2026-03-15",
    });
    regionId = (await s.db.region.findFirstOrThrow()).id;
  });
  afterAll(() => s?.close());

  it("suppresses every cell under five employees or responses and holds no names or NIPs", async () => {
    const draft = await createDraft(s.db, s.ch, hr, regionId, "2026-02", "", "2026-03-15");
    expect(draft).toMatchObject({ ok: true, version: 1 });
    const row = await s.db.publicReport.findUniqueOrThrow({ where: { id: draft.ok ? draft.id : "" } });
    const data = reportData.parse(row.data);

    // employees per unit with attendance in February, from the relational side and the files' truth
    const heads = await s.ch.query<{ unit_id: string; n: string }>(
      "SELECT unit_id, uniqExact(employee_id) AS n FROM fact_attendance WHERE day BETWEEN '2026-02-01' AND '2026-02-28' GROUP BY unit_id",
    );
    const units = new Map((await s.db.unit.findMany()).map((u) => [u.code, u.id]));
    const headsBy = new Map(heads.map((h) => [h.unit_id, Number(h.n)]));
    let suppressed = 0;
    for (const u of data.units) {
      const n = headsBy.get(units.get(u.code)!) ?? 0;
      if (n < MIN_CELL) {
        suppressed++;
        expect(u).toMatchObject({ employees: null, attendanceRate: null, ekinerjaFillRate: null, suppressed: true });
      } else expect(u).toMatchObject({ employees: n, suppressed: false });
    }
    expect(suppressed).toBeGreaterThan(0); // 60 employees over 22 units: the small ones are hidden
    // stored unrounded (a rate rounded to four places before storing was rounded twice when shown)
    const att = await s.ch.query<{ unit_id: string; due: string; present: string }>(
      "SELECT unit_id, sum(due) AS due, sum(present) AS present FROM rollup_attendance_daily WHERE day BETWEEN '2026-02-01' AND '2026-02-28' GROUP BY unit_id",
    );
    const shownUnits = data.units.filter((u) => !u.suppressed && u.attendanceRate !== null);
    expect(shownUnits.length).toBeGreaterThan(0);
    for (const u of shownUnits) {
      const r = att.find((x) => x.unit_id === units.get(u.code))!;
      expect(u.attendanceRate).toBe(Number(r.present) / Number(r.due));
    }
    // rates at full precision, as the analytics store gives them: rounded once, at display (format.ts)
    const sla = await s.ch.query<{ code: string; completed: string; breached: string }>(
      `SELECT service_type_id AS code, sum(completed) AS completed, sum(breached) AS breached FROM rollup_request_daily WHERE day BETWEEN '2026-02-01' AND '2026-02-28' GROUP BY code`,
    );
    const serviceIds = new Map((await s.db.serviceType.findMany()).map((t) => [t.code, t.id]));
    for (const sv of data.services) {
      if (sv.suppressed) expect([sv.completed, sv.medianDays, sv.slaCompliance]).toEqual([null, null, null]);
      else {
        expect(sv.completed).toBeGreaterThanOrEqual(MIN_CELL);
        const r = sla.find((x) => x.code === serviceIds.get(sv.code))!;
        expect(sv.slaCompliance).toBe((Number(r.completed) - Number(r.breached)) / Number(r.completed));
      }
    }
    for (const c of [data.satisfaction.overall, ...data.satisfaction.byService, ...data.satisfaction.byUnit]) {
      if (c.suppressed) expect([c.respondents, c.ikm, c.grade]).toEqual([null, null, null]);
      else expect(c.respondents).toBeGreaterThanOrEqual(MIN_CELL);
    }
    // too few respondents to grade (ikm.ts floor): shown as such, never with an IKM or a grade
    const cells = [data.satisfaction.overall, ...data.satisfaction.byService, ...data.satisfaction.byUnit].filter(
      (c) => !c.suppressed,
    );
    for (const c of cells) {
      expect(c.minimum).toBe(30);
      if (c.respondents! < 30) expect([c.standing, c.ikm, c.grade]).toEqual(["insufficient", null, null]);
      else expect(c.standing).not.toBe("insufficient");
    }
    expect(cells.filter((c) => c.standing === "insufficient").length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.standing !== "insufficient").length).toBeGreaterThan(0);
    // nothing hidden can be computed from the overall: hidden respondents are none, or at least 5 in two or more cells
    for (const group of [data.satisfaction.byService, data.satisfaction.byUnit]) {
      const shown = group.reduce((a, c) => a + (c.respondents ?? 0), 0);
      const hiddenPeople = (data.satisfaction.overall.respondents ?? 0) - shown;
      if (!data.satisfaction.overall.suppressed && hiddenPeople > 0) {
        expect(hiddenPeople).toBeGreaterThanOrEqual(MIN_CELL);
        expect(group.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
      }
    }
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/\d{18}/);
    for (const e of await s.db.employee.findMany({ take: 60, select: { name: true } }))
      expect(text).not.toContain(e.name);
  });

  it("freezes a published version and publishes a correction as a new version that says what changed", async () => {
    expect(await createDraft(s.db, s.ch, hr, regionId, "2026-03", "", "2026-03-15")).toEqual({
      ok: false,
      error: "reports.error.unfinished",
    });
    // March has ended, but its second half has not arrived yet (late exports)
    const first = await createDraft(s.db, s.ch, hr, regionId, "2026-03", "", "2026-04-01");
    if (!first.ok) throw new Error(first.error);
    expect(await publishReport(s.db, hr, first.id)).toEqual({ ok: true });
    expect(await publishReport(s.db, hr, first.id)).toEqual({ ok: false, error: "reports.error.notDraft" });
    const frozen = await s.db.publicReport.findUniqueOrThrow({ where: { id: first.id } });
    await expect(
      s.db.publicReport.update({ where: { id: first.id }, data: { data: { tampered: true } } }),
    ).rejects.toThrow();
    await expect(s.db.publicReport.delete({ where: { id: first.id } })).rejects.toThrow();
    await expect(s.db.$executeRaw`UPDATE "PublicReport" SET "changeNote" = 'x' WHERE id = ${first.id}`).rejects.toThrow(
      /immutable/,
    );

    // the rest of March arrives: attendance, e-Kinerja and requests, loaded by the ETL
    const out = path.join(s.dataDir, "gen2");
    await generate(s.db, { ...CFG, from: "2026-03-16", outDir: out });
    await runEtl(s, { files: readdirSync(out).map((f) => ({ path: path.join(out, f) })), lagMs: 0, today: TODAY });

    expect(await createDraft(s.db, s.ch, hr, regionId, "2026-03", "  ", "2026-04-02")).toEqual({
      ok: false,
      error: "reports.error.note",
    });
    const second = await createDraft(
      s.db,
      s.ch,
      hr,
      regionId,
      "2026-03",
      "Data kehadiran dan layanan 16–31 Maret kini masuk.",
      "2026-04-02",
    );
    expect(second).toMatchObject({ ok: true, version: 2 });
    if (!second.ok) return;
    await publishReport(s.db, hr, second.id);

    const latest = await findPublished(s.db, "demo", "2026-03");
    expect(latest?.version).toBe(2);
    expect(latest?.changeNote).toMatch(/16–31 Maret/);
    expect(latest?.versions.map((v) => v.version)).toEqual([2, 1]);
    const v1 = await findPublished(s.db, "DEMO", "2026-03", 1);
    expect(v1?.data).toEqual(frozen.data);
    // the correction has the whole month; the first version still shows what it showed
    expect(latest!.data.units).not.toEqual(v1!.data.units);
    expect(v1!.dataAsOf.getTime()).toBeLessThan(latest!.dataAsOf.getTime());
    expect((await publishedIndex(s.db)).map((r) => [r.regionCode, r.period, r.version])).toEqual([
      ["demo", "2026-03", 2],
    ]);

    expect(await createDraft(s.db, s.ch, hr, regionId, "2026-13", "", TODAY)).toEqual({
      ok: false,
      error: "reports.error.period",
    });
    expect(await createDraft(s.db, s.ch, hr, regionId, "2026-05", "", TODAY)).toEqual({
      ok: false,
      error: "reports.error.future",
    });
    // a draft never shows in public
    await createDraft(s.db, s.ch, hr, regionId, "2026-01", "", TODAY);
    expect(await findPublished(s.db, "demo", "2026-01")).toBeNull();
    expect(await createDraft(s.db, s.ch, { ...hr, role: "LEADER" }, regionId, "2026-02", "", TODAY)).toEqual({
      ok: false,
      error: "reports.error.forbidden",
    });
  });

  it("serves the public pages without an account and HR's pages to HR only, through the reports router", async () => {
    const caller = (role?: "HR" | "EMPLOYEE") =>
      createCaller({
        db: s.db,
        clientKey: "test",
        session: role
          ? {
              expires: new Date(Date.now() + 3600_000).toISOString(),
              user: { id: `u-${role}`, name: role, username: role.toLowerCase(), role, unitId: null },
            }
          : null,
      });
    const index = await caller().reports.index();
    expect(index.map((r) => `${r.regionCode}/${r.period}`)).toContain("demo/2026-03");
    expect((await caller().reports.published({ region: "demo", period: "2026-03" })).version).toBe(2);
    expect(await outcome(caller().reports.published({ region: "demo", period: "2020-01" }))).toBe("NOT_FOUND");
    const versions = await caller("HR").reports.versions();
    expect(versions.some((v) => v.status === "DRAFT" && v.period === "2026-01")).toBe(true);
    expect(versions.every((v) => v.regionCode === "demo")).toBe(true);
    const draft = versions.find((v) => v.status === "DRAFT")!;
    expect((await caller("HR").reports.byId({ id: draft.id })).row.id).toBe(draft.id);
    expect(await outcome(caller("HR").reports.byId({ id: "no-such-report" }))).toBe("NOT_FOUND");
    expect(await outcome(caller("EMPLOYEE").reports.versions())).toBe("FORBIDDEN");
    expect(await outcome(caller().reports.byId({ id: draft.id }))).toBe("UNAUTHORIZED");
  });
});
