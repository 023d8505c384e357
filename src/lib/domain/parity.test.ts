// One fixture, every page: the dashboard, the unit page, the scorecard, the compliance employee timeline,
// the work queue, a request's page, the dashboard's most overdue requests and the public report must give
// the same counts and rates, because each reads the measure's one owner (attendance.ts, sla.ts) or the
// columns the ETL wrote with it. The expected figures are worked out by hand below, not with those owners.
//
// The fixture: two weeks of March 2026 with a holiday on Wednesday 4 March, official duty (DL), leave
// (CT), study duty (TB), excused absence (I, S) and TK; and a request with an SLA of 3 working days,
// submitted Monday 2 March, due Friday 6 March (the holiday moves it), looked at on Saturday 7 and Monday 9.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSnapshot } from "@/features/reports/server/snapshot";
import { complianceFilter } from "@/features/compliance/schemas";
import { recordOutage } from "@/features/compliance/server/outages";
import { complianceList, employeeTimeline, notInExport } from "@/features/compliance/server/queries";
import { requestDetail, workQueue } from "@/features/requests/server/queries";
import { createCaller } from "@/server/api/root";
import { openEtlStores, type EtlTestStores } from "@/test/etl";
import { runEtl } from "../../../etl/run";

const DAYS = [
  "2026-03-02",
  "2026-03-03",
  "2026-03-04",
  "2026-03-05",
  "2026-03-06",
  "2026-03-09",
  "2026-03-10",
  "2026-03-11",
  "2026-03-12",
  "2026-03-13",
];
const HOLIDAY = "2026-03-04";

/** Each employee's status per day of DAYS (the holiday is L for everyone). */
const STATUSES: Record<string, string[]> = {
  ani: ["H", "H", "L", "DL", "DL", "TL1", "H", "H", "H", "H"], // due 9, present 9 (DL is at work)
  budi: ["H", "H", "L", "H", "H", "CT", "CT", "CT", "CT", "CT"], // due 4, present 4, 5 leave days not due
  citra: ["TK", "I", "L", "S", "H", "H", "H", "H", "H", "TB"], // due 8, present 5, TK 1
  dewi: ["H", "H", "L", "H", "H", "H", "H", "H", "H", "H"], // due 9, present 9
  eko: ["H", "H", "L", "H", "H", "H", "H", "H", "H", "H"],
  fitri: ["H", "H", "L", "H", "H", "H", "H", "H", "H", "H"],
};
/** e-Kinerja: 54 logs, of which 5 (Budi) and 1 (Citra) on days not due and 5 excused by the outage; 1 missing, 1 late. */
const EK = { due: 43, onTime: 41, late: 1, missing: 1, leave: 6, outage: 5 };
const EXPECTED = {
  perEmployee: { ani: [9, 9], budi: [4, 4], citra: [8, 5], dewi: [9, 9], eko: [9, 9], fitri: [9, 9] } as Record<
    string,
    [number, number]
  >,
  due: 48,
  present: 45,
  tk: 1,
};

describe("one definition per measure: every page agrees (PGlite + chDB)", () => {
  let s: EtlTestStores;
  let regionId: string;
  let unitId: string;
  let requestId: string;
  const employees: Record<string, string> = {};
  const hr = { id: "hr", name: "HR", role: "HR" as const, unitId: null };
  /** The leader's dashboard procedures (`today` goes with each call's filter). */
  const as = () =>
    createCaller({
      db: s.db,
      clientKey: "test",
      clickhouse: async () => s.ch,
      session: {
        expires: new Date(Date.now() + 3_600_000).toISOString(),
        user: { id: "u", name: "T", username: "t", role: "LEADER", unitId: null } as Session["user"],
      },
    }).dashboard;
  const march = (to: string, today = to) => ({ period: "custom" as const, from: "2026-03-02", to, today });
  /** 09:00 WIB on a day. */
  const at = (day: string) => new Date(`${day}T02:00:00Z`);

  beforeAll(async () => {
    s = await openEtlStores();
    const region = await s.db.region.create({ data: { code: "PAR", name: "Kabupaten Paritas" } });
    regionId = region.id;
    await s.db.holiday.create({
      data: { regionId, date: new Date(`${HOLIDAY}T00:00:00Z`), kind: "NATIONAL", name: "Hari raya" },
    });
    const unit = await s.db.unit.create({ data: { regionId, code: "DINKES", name: "Dinas Kesehatan" } });
    unitId = unit.id;
    let seq = 1;
    for (const name of Object.keys(STATUSES)) {
      const nip = `19800101201001${seq % 2 ? 1 : 2}${String(seq).padStart(3, "0")}`;
      seq++;
      const e = await s.db.employee.create({
        data: {
          regionId,
          unitId,
          nip,
          name,
          gender: "P",
          rank: "III/a",
          position: "Staf",
          appointedOn: new Date("2010-01-01"),
        },
      });
      employees[name] = e.id;
    }
    const service = await s.db.serviceType.create({
      data: { regionId, code: "KP", nameId: "Kenaikan pangkat", nameEn: "Promotion", slaDays: 3 },
    });
    const request = await s.db.serviceRequest.create({
      data: {
        regionId,
        number: "PAR-1",
        serviceTypeId: service.id,
        employeeId: employees.ani!,
        unitId,
        status: "SUBMITTED",
        submittedAt: at("2026-03-02"),
        slaDays: 3,
      },
    });
    requestId = request.id;
    await s.db.requestEvent.create({ data: { requestId, status: "SUBMITTED", at: at("2026-03-02") } });

    const nips = new Map((await s.db.employee.findMany()).map((e) => [e.name, e.nip]));
    const lines = ["nip;tanggal;jam_masuk;jam_pulang;status;menit_terlambat"];
    for (const [name, statuses] of Object.entries(STATUSES)) {
      statuses.forEach((st, i) => {
        const present = st === "H" || st.startsWith("TL");
        lines.push(
          [
            nips.get(name),
            DAYS[i],
            present ? (st === "TL1" ? "07:40" : "07:25") : "",
            present ? "16:05" : "",
            st,
            st === "TL1" ? "10" : "",
          ].join(";"),
        );
      });
    }
    const file = path.join(s.dataDir, "absensi-maret.csv");
    writeFileSync(file, lines.join("\n") + "\n");

    // e-Kinerja daily logs for every working day (due the next working day), made at 15:00 that day, except:
    // Citra's log of 2 March is missing and that of 3 March made on 9 March (late); Budi's logs during his
    // leave are missing (not due); BKN's e-Kinerja was down on 10 March, the deadline of the logs of 9 March
    // (HR excused them: not due, Budi's already not due for his leave); Citra's log of her study day is not due.
    const recorded = await recordOutage(s.db, hr, regionId, {
      kind: "EKINERJA_DOWN",
      effect: "EXCUSE",
      startsOn: "2026-03-10",
      endsOn: "2026-03-10",
      unitIds: [],
      note: "server BKN",
    });
    expect(recorded.ok).toBe(true);
    // Gita is in the master data but in neither export: "not in the export", never a skipper
    const gita = await s.db.employee.create({
      data: {
        regionId,
        unitId,
        nip: "198502022011012099",
        name: "gita",
        gender: "P",
        rank: "III/a",
        position: "Staf",
        appointedOn: new Date("2011-01-01"),
      },
    });
    employees.gita = gita.id;
    const ek = ["nip;periode;jenis;waktu_kirim;status_persetujuan"];
    for (const name of Object.keys(STATUSES)) {
      for (const day of DAYS.filter((d) => d !== HOLIDAY)) {
        let sent: string | null = `${day} 15:00`;
        if (name === "citra" && day === "2026-03-02") sent = null;
        if (name === "citra" && day === "2026-03-03") sent = "2026-03-09 08:00";
        if (name === "budi" && day >= "2026-03-09") sent = null;
        ek.push([nips.get(name), day, "harian", sent ?? "", sent ? "disetujui" : ""].join(";"));
      }
    }
    const ekFile = path.join(s.dataDir, "ekinerja-maret.csv");
    writeFileSync(ekFile, ek.join("\n") + "\n");
    const run = await runEtl(s, { files: [{ path: file }, { path: ekFile }], lagMs: 0, today: "2026-03-13" });
    expect(run.imports.map((i) => [i.valid, i.quarantined])).toEqual([
      [60, 0],
      [54, 0],
    ]);
  });
  afterAll(() => s.close());

  it("attendance: the dashboard, the unit page, the scorecard, the employee timelines and the public report count the same days", async () => {
    const dash = as();
    const overview = await dash.overview(march("2026-03-13"));
    expect(overview.attendance.current).toMatchObject({
      due: EXPECTED.due,
      present: EXPECTED.present,
      absentTk: EXPECTED.tk,
    });
    expect(overview.kpis.attendanceRate.value).toBeCloseTo(EXPECTED.present / EXPECTED.due, 12);

    const unitPage = await dash.attendance({ ...march("2026-03-13"), unitId });
    const row = unitPage.byUnit.find((r) => r.unitId === unitId)!;
    expect(row.attendanceRate).toBeCloseTo(EXPECTED.present / EXPECTED.due, 12);

    const card = (await dash.scorecard(march("2026-03-13"))).rows.find((r) => r.unitId === unitId)!;
    expect(card.values.attendance).toBeCloseTo(EXPECTED.present / EXPECTED.due, 12);

    let due = 0;
    let present = 0;
    for (const [name, [d, p]] of Object.entries(EXPECTED.perEmployee)) {
      const [month] = await employeeTimeline(s.ch, employees[name]!, "2026-03", "2026-03");
      expect([name, month!.attendance.workdays, month!.attendance.present]).toEqual([name, d, p]);
      due += month!.attendance.workdays;
      present += month!.attendance.present;
    }
    expect([due, present]).toEqual([EXPECTED.due, EXPECTED.present]);

    const report = await buildSnapshot(
      s.db,
      s.ch,
      regionId,
      { slug: "2026-03", from: "2026-03-01", to: "2026-03-31", kind: "month" },
      new Date(),
    );
    expect(report.units.find((u) => u.code === "DINKES")!.attendanceRate).toBeCloseTo(
      EXPECTED.present / EXPECTED.due,
      4,
    );
  });

  it("e-Kinerja: the dashboard, the unit page, the scorecard, the compliance list, the employee timelines and the public report count the same entries", async () => {
    const dash = as();
    const overview = await dash.overview(march("2026-03-13"));
    expect(overview.ekinerja.current).toEqual({ due: EK.due, onTime: EK.onTime, late: EK.late, missing: EK.missing });
    const view = await dash.ekinerja({ ...march("2026-03-13"), unitId });
    expect(view.byUnit.find((r) => r.unitId === unitId)).toMatchObject({
      due: EK.due,
      onTime: EK.onTime,
      fillRate: EK.onTime / EK.due,
    });
    expect(view.notDue).toEqual({ notEmployed: 0, leave: EK.leave, outage: EK.outage });
    // who made every due entry on time: from the entries (a range cutting a month) and from the month rollup
    expect(view.employees).toEqual({ due: 6, fullyCompliant: 5, share: 5 / 6 });
    expect(
      (await dash.ekinerja({ period: "custom", from: "2026-03-01", to: "2026-03-31", today: "2026-03-13", unitId }))
        .employees,
    ).toEqual(view.employees);
    expect(
      (await dash.ekinerja({ period: "custom", from: "2026-03-01", to: "2026-03-13", today: "2026-03-13", unitId }))
        .employees,
    ).toEqual(view.employees);
    const card = (await dash.scorecard(march("2026-03-13"))).rows.find((r) => r.unitId === unitId)!;
    expect(card.values.ekinerja).toBeCloseTo(EK.onTime / EK.due, 12);

    const list = await complianceList(
      s.ch,
      complianceFilter.parse({ kind: "daily", from: "2026-03", to: "2026-03", missingOnly: false }),
      "",
      100,
    );
    const sum = (f: (r: (typeof list.rows)[number]) => number) => list.rows.reduce((n, r) => n + f(r), 0);
    expect([
      sum((r) => r.due),
      sum((r) => r.onTime),
      sum((r) => r.late),
      sum((r) => r.missing),
      sum((r) => r.excused),
    ]).toEqual([EK.due, EK.onTime, EK.late, EK.missing, EK.outage]);
    expect(list.rows.find((r) => r.employeeId === employees.citra)).toMatchObject({
      due: 7,
      onTime: 5,
      late: 1,
      missing: 1,
      excused: 1,
    });

    expect(list.rows.some((r) => r.employeeId === employees.gita)).toBe(false);
    const missing = await notInExport(
      s.ch,
      complianceFilter.parse({ kind: "daily", from: "2026-03", to: "2026-03" }),
      "",
    );
    expect(missing).toEqual({
      total: 1,
      rows: [expect.objectContaining({ employeeId: employees.gita, name: "gita" })],
    });
    expect(await s.db.auditLog.count({ where: { action: "ekinerja.outage.record" } })).toBe(1);

    let due = 0;
    let onTime = 0;
    let excused = 0;
    for (const name of Object.keys(STATUSES)) {
      const [month] = await employeeTimeline(s.ch, employees[name]!, "2026-03", "2026-03");
      due += month!.due;
      onTime += month!.onTime;
      excused += month!.excused;
    }
    expect([due, onTime, excused]).toEqual([EK.due, EK.onTime, EK.outage]);

    const report = await buildSnapshot(
      s.db,
      s.ch,
      regionId,
      { slug: "2026-03", from: "2026-03-01", to: "2026-03-31", kind: "month" },
      new Date(),
    );
    expect(report.units.find((u) => u.code === "DINKES")!.ekinerjaFillRate).toBeCloseTo(EK.onTime / EK.due, 4);
  });

  it("SLA: due Friday, not overdue on Saturday, one working day late on Monday — in the queue, the request's page and the dashboard", async () => {
    const saturday = at("2026-03-07");
    const monday = at("2026-03-09");
    const queueSat = (await workQueue(s.db, hr, "verification", 1, saturday))!;
    expect(queueSat.items[0]!.sla).toMatchObject({ overdue: false, daysPast: 0 });
    expect(queueSat.overdue).toBe(0);
    const queueMon = (await workQueue(s.db, hr, "verification", 1, monday))!;
    expect(queueMon.items[0]!.sla).toMatchObject({ overdue: true, daysPast: 1 });
    expect(queueMon.overdue).toBe(1);
    expect((await requestDetail(s.db, hr, requestId, saturday))!.sla.overdue).toBe(false);
    expect((await requestDetail(s.db, hr, requestId, monday))!.sla).toMatchObject({ overdue: true, daysPast: 1 });

    // the dashboard: backlog at the end of each day (the ETL's snapshot) and the most overdue requests on a given today
    const dash = as();
    expect((await dash.overview(march("2026-03-06"))).backlog.current).toEqual({ open: 1, overdue: 0 });
    expect((await dash.overview(march("2026-03-07"))).backlog.current).toEqual({ open: 1, overdue: 0 });
    expect((await dash.overview(march("2026-03-08"))).backlog.current).toEqual({ open: 1, overdue: 0 });
    expect((await dash.overview(march("2026-03-09"))).backlog.current).toEqual({ open: 1, overdue: 1 });
    const slowest = async (today: string) => (await as().services(march(today))).slowestOpen[0]!;
    expect(await slowest("2026-03-07")).toMatchObject({ dueDay: "2026-03-06", overdueDays: 0 });
    expect(await slowest("2026-03-09")).toMatchObject({ dueDay: "2026-03-06", overdueDays: 1 });
    expect(await slowest("2026-03-13")).toMatchObject({ overdueDays: 5 });
  });
});
