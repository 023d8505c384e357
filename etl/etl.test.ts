import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FINAL_STATUSES } from "@/lib/domain/sla";
import { chNumber, openEtlStores, type EtlTestStores } from "@/test/etl";
import { relationalKinds } from "@/test/stores";
import { generate } from "./generate/generate";
import type { Truth } from "./generate/model";
import { loadBatch } from "./load/files";
import { createProgress } from "./progress";
import { EtlBusyError, runEtl } from "./run";
import { verify } from "./verify";

const CFG = { seed: 7, employees: 80, start: "2025-09-01", end: "2026-02-27" };

// On PostgreSQL too when TEST_DATABASE_URL is set: the relational sources are read with raw SQL.
describe.each(relationalKinds)("the ETL against the generator's truth (%s + chDB)", (kind) => {
  let s: EtlTestStores;
  let truth: Truth;
  let files: string[];
  const etl = (opts: Parameters<typeof runEtl>[1] = {}) => runEtl(s, { lagMs: 0, today: "2026-11-25", ...opts });

  beforeAll(async () => {
    s = await openEtlStores(kind);
    const out = path.join(s.dataDir, "gen");
    truth = await generate(s.db, { ...CFG, outDir: out });
    files = readdirSync(out).map((f) => path.join(out, f));
    await etl({ files: files.map((p) => ({ path: p })), workers: 2 });
  });
  afterAll(() => s.close());

  it("loads exactly what the generator made", async () => {
    expect(truth.attendance.rows).toBeGreaterThan(8000);
    expect(await chNumber(s.ch, "SELECT count() AS n FROM fact_attendance")).toBe(truth.attendance.rows);
    expect(await chNumber(s.ch, "SELECT sum(late_minutes) AS n FROM rollup_attendance_daily")).toBe(
      truth.attendance.lateMinutes,
    );
    const tk = await s.ch.query<{ code: string; n: number }>(
      `SELECT u.code AS code, sum(r.absent_tk) AS n FROM rollup_attendance_daily r
       JOIN (SELECT unit_id, argMax(code, version) AS code FROM dim_unit GROUP BY unit_id) u USING unit_id
       GROUP BY code HAVING n > 0 ORDER BY code`,
    );
    expect(Object.fromEntries(tk.map((r) => [r.code, Number(r.n)]))).toEqual(truth.attendance.tkByUnit);

    const ek = await s.ch.query<{ k: string; n: number }>(
      "SELECT concat(kind, '.', state) AS k, count() AS n FROM fact_ekinerja GROUP BY k",
    );
    expect(Object.fromEntries(ek.map((r) => [r.k, Number(r.n)]))).toEqual(truth.ekinerja.byKindState);

    expect(await chNumber(s.ch, "SELECT count() AS n FROM fact_request_event")).toBe(truth.requests.events);
    expect(truth.survey.responses).toBeGreaterThan(10);
    expect(await chNumber(s.ch, "SELECT count() AS n FROM fact_survey_response")).toBe(truth.survey.responses);
    expect(await chNumber(s.ch, "SELECT sum(respondents) AS n FROM rollup_survey_daily")).toBe(truth.survey.responses);
    expect(await chNumber(s.ch, "SELECT sum(completed) AS n FROM rollup_request_daily")).toBe(truth.requests.completed);
    expect(await chNumber(s.ch, "SELECT sum(rejected) AS n FROM rollup_request_daily")).toBe(truth.requests.rejected);
    expect(await chNumber(s.ch, "SELECT sum(breached) AS n FROM rollup_request_daily")).toBe(truth.requests.breached);
    expect(await chNumber(s.ch, "SELECT sum(returned) AS n FROM rollup_request_daily")).toBeLessThanOrEqual(
      truth.requests.returned,
    );
    expect(
      await chNumber(
        s.ch,
        "SELECT countIf(st NOT IN ('COMPLETED', 'REJECTED')) AS n FROM (SELECT request_id, argMax(status, version) AS st FROM fact_request_state GROUP BY request_id)",
      ),
    ).toBe(truth.requests.open);
  });

  it("computes every request's processing time in working days as the generator planned it", async () => {
    const rows = await s.ch.query<{ code: string; wd: number[] }>(
      `SELECT t.code AS code, arraySort(groupArray(d.processing_wd)) AS wd FROM fact_request_done d
       JOIN (SELECT service_type_id, argMax(code, version) AS code FROM dim_service_type GROUP BY service_type_id) t USING service_type_id
       WHERE d.outcome = 'COMPLETED' GROUP BY code`,
    );
    const expected = Object.fromEntries(
      Object.entries(truth.requests.processingByService).map(([k, v]) => [k, [...v].sort((a, b) => a - b)]),
    );
    expect(Object.fromEntries(rows.map((r) => [r.code, r.wd.map(Number)]))).toEqual(expected);
    // the rollup's exact quantiles agree with the raw rows
    const [q] = await s.ch.query<{ a: number[]; b: number[] }>(
      `SELECT (SELECT quantilesTimingMerge(0.5, 0.9)(processing_wd_q) FROM rollup_request_daily) AS a,
              (SELECT quantilesTiming(0.5, 0.9)(processing_wd) FROM fact_request_done WHERE outcome = 'COMPLETED') AS b`,
    );
    expect(q!.a).toEqual(q!.b);
  });

  it("reconciles per day and unit with no difference", async () => {
    const report = await verify(s.db, s.ch);
    expect(report.differences).toEqual([]);
    expect(report.checks.length).toBe(13);
  });

  it("lists the requests open at the backlog snapshot, and takes a snapshot with the list after an upgrade", async () => {
    const open = await s.db.serviceRequest.count({ where: { status: { notIn: [...FINAL_STATUSES] } } });
    const listed = async () =>
      (
        await s.ch.query<{ n: number }>(
          "SELECT count() AS n FROM open_request_snapshot WHERE snapshot = (SELECT max(snapshot) FROM backlog_snapshot)",
        )
      )[0]!.n;
    expect(open).toBeGreaterThan(0);
    expect(Number(await listed())).toBe(open);
    // a snapshot taken before ClickHouse migration 0009 has no list: the next run, same day, nothing changed, takes one
    await s.ch.insert("backlog_snapshot", [
      { snapshot: Date.now() + 60_000, up_to: "2026-11-25", lists: 0, at: "2026-11-25 00:00:00" },
    ]);
    expect(Number(await listed())).toBe(0);
    await etl();
    expect(Number(await listed())).toBe(open);
  });

  it("loads nothing twice: a batch or a watermark range loaded again changes no count", async () => {
    const before = await totals();
    const batch = await s.db.importBatch.findFirstOrThrow({ where: { kind: "ATTENDANCE" } });
    const { generation } = await s.db.etlState.findUniqueOrThrow({ where: { id: 1 } });
    await loadBatch(
      { db: s.db, ch: s.ch, dataDir: s.dataDir, progress: createProgress({ quiet: true }) },
      batch,
      generation,
    );
    await s.db.etlWatermark.deleteMany({ where: { source: { in: ["request_event", "request"] } } });
    await etl();
    expect(await totals()).toEqual(before);
    expect((await verify(s.db, s.ch)).differences).toEqual([]);
  });

  it("picks up changes to old rows by their updated time", async () => {
    // an open request loaded by an earlier run: its row and its events change later
    const open = await s.db.serviceRequest.findFirstOrThrow({
      where: { status: { notIn: ["COMPLETED", "REJECTED", "RETURNED"] } },
      orderBy: { submittedAt: "asc" },
    });
    await s.db.$transaction([
      s.db.requestEvent.create({
        data: {
          requestId: open.id,
          status: "RETURNED",
          actorName: "Verifikator BKPSDM",
          at: new Date("2026-02-27T03:00:00Z"),
          note: "SK pangkat terakhir belum ada",
        },
      }),
      s.db.serviceRequest.update({ where: { id: open.id }, data: { status: "RETURNED" } }),
    ]);
    const events = await chNumber(s.ch, "SELECT count() AS n FROM fact_request_event");
    const result = await etl();
    expect(result.rows.fact_request_state).toBe(1);
    expect(await chNumber(s.ch, "SELECT count() AS n FROM fact_request_event")).toBe(events + 1);
    const [st] = await s.ch.query<{ st: string }>(
      "SELECT argMax(status, version) AS st FROM fact_request_state WHERE request_id = {id:String}",
      { id: open.id },
    );
    expect(st!.st).toBe("RETURNED");
    expect((await verify(s.db, s.ch)).differences).toEqual([]);
  });

  it("counts working days across weekends, Nyepi, Idul Fitri and cuti bersama, in the region's time zone", async () => {
    const emp = await s.db.employee.findFirstOrThrow({ orderBy: { id: "asc" } });
    const cuti = await s.db.serviceType.findFirstOrThrow({ where: { code: "CUTI" } });
    const req = await s.db.serviceRequest.create({
      data: {
        regionId: emp.regionId,
        number: "CUTI/2026/TEST",
        serviceTypeId: cuti.id,
        employeeId: emp.id,
        unitId: emp.unitId,
        status: "COMPLETED",
        submittedAt: new Date("2026-03-13T03:00:00Z"),
        completedAt: new Date("2026-03-29T17:30:00Z"),
      },
    });
    const at = ["2026-03-13T03:00:00Z", "2026-03-17T02:00:00Z", "2026-03-25T04:00:00Z", "2026-03-29T17:30:00Z"]; // the last is 00:30 on 30 March in Jakarta
    const statuses = ["SUBMITTED", "UNIT_VERIFIED", "BKPSDM_VERIFIED", "COMPLETED"] as const;
    for (let i = 0; i < at.length; i++)
      await s.db.requestEvent.create({ data: { requestId: req.id, status: statuses[i]!, at: new Date(at[i]!) } });
    await etl();
    const [done] = await s.ch.query<{ wd: number; day: string; breached: number }>(
      "SELECT processing_wd AS wd, toString(day) AS day, breached FROM fact_request_done WHERE request_id = {id:String}",
      { id: req.id },
    );
    expect(done).toEqual({ wd: 6, day: "2026-03-30", breached: 1 });
    const stages = await s.ch.query<{ prev: string; wd: number }>(
      "SELECT prev_status AS prev, stage_wd AS wd FROM fact_request_event WHERE request_id = {id:String} ORDER BY event_id",
      { id: req.id },
    );
    expect(stages.map((r) => [r.prev, r.wd])).toEqual([
      ["", 0],
      ["SUBMITTED", 2],
      ["UNIT_VERIFIED", 1],
      ["BKPSDM_VERIFIED", 3],
    ]);
  });

  it("rebuilds ClickHouse from the system of record", async () => {
    const before = await totals();
    const { generation } = await s.db.etlState.findUniqueOrThrow({ where: { id: 1 } });
    await etl({ mode: "full" });
    expect(await totals()).toEqual(before);
    expect((await s.db.etlState.findUniqueOrThrow({ where: { id: 1 } })).generation).toBe(generation + 1);
    expect((await verify(s.db, s.ch)).differences).toEqual([]);
  });

  it("refuses a second run while one holds the lease, and takes over a lease whose process died", async () => {
    await s.db.etlState.update({
      where: { id: 1 },
      data: { leaseHolder: "server-2:4242", leaseUntil: new Date(Date.now() + 60_000) },
    });
    const busy = await etl().catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(EtlBusyError);
    expect((busy as Error).message).toMatch(/ETL sedang berjalan \(oleh server-2:4242[\s\S]*already running/);
    await s.db.etlState.update({ where: { id: 1 }, data: { leaseHolder: `${os.hostname()}:2147483646` } });
    await expect(etl()).resolves.toMatchObject({ mode: "incremental" });
    const runs = await s.db.etlRun.findMany({ orderBy: { id: "asc" } });
    expect(runs.every((r) => r.status === "SUCCEEDED" && r.finishedAt)).toBe(true);
  });

  it("finds a difference when ClickHouse holds a row the sources do not (last: it spoils the data)", async () => {
    const [row] = await s.ch.query<Record<string, unknown>>(
      "SELECT * FROM fact_attendance ORDER BY day, employee_id LIMIT 1",
    );
    await s.ch.insert("fact_attendance", [{ ...row, line: 999_999 }]);
    const report = await verify(s.db, s.ch);
    const day = String(row!.day);
    expect(report.differences.map((d) => d.check)).toEqual([
      "attendance: batches ↔ fact_attendance",
      "attendance: batches ↔ rollup_attendance_daily",
    ]);
    expect(report.differences[0]!.key).toBe(`${day} ${String(row!.unit_id)}`);
  });

  async function totals() {
    const tables = ["fact_attendance", "fact_ekinerja", "fact_request_event", "fact_request_done"];
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = await chNumber(s.ch, `SELECT count() AS n FROM ${t}`);
    out.rollup_attendance = await chNumber(s.ch, "SELECT sum(rows) AS n FROM rollup_attendance_daily");
    out.rollup_ekinerja = await chNumber(s.ch, "SELECT sum(due) AS n FROM rollup_ekinerja_daily");
    out.rollup_requests = await chNumber(s.ch, "SELECT sum(completed) + sum(rejected) AS n FROM rollup_request_daily");
    out.rollup_stages = await chNumber(s.ch, "SELECT sum(transitions) AS n FROM rollup_request_stage_daily");
    out.requests = await chNumber(s.ch, "SELECT uniqExact(request_id) AS n FROM fact_request_state");
    out.employees = await chNumber(s.ch, "SELECT uniqExact(employee_id) AS n FROM dim_employee");
    return out;
  }
});
