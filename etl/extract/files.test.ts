import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chNumber, openEtlStores, type EtlTestStores } from "@/test/etl";
import { relationalKinds } from "@/test/stores";
import { generate } from "../generate/generate";
import { runEtl } from "../run";

const SAMPLES = path.resolve(import.meta.dirname, "../samples");
const attendance = path.join(SAMPLES, "absensi-contoh.csv");
const ekinerja = path.join(SAMPLES, "ekinerja-contoh.csv");

describe.each(relationalKinds)("importing source files (%s + chDB)", (kind) => {
  let s: EtlTestStores;
  // Parsing in worker threads for the messy first import, in this thread afterwards: both paths tested.
  const etl = (files: string[], workers = 0) =>
    runEtl(s, { files: files.map((p) => ({ path: p })), today: "2026-11-25", lagMs: 0, workers });

  beforeAll(async () => {
    s = await openEtlStores(kind);
    // The samples' NIPs are the first employees of seed 1; no files, no history needed here.
    await generate(s.db, { seed: 1, employees: 12, start: "2024-12-02", end: "2024-12-02" });
  });
  afterAll(() => s.close());

  it("loads the good rows of a messy export and quarantines the bad ones with line and reason", async () => {
    const result = await etl([attendance, ekinerja], 2);
    const [a, k] = result.imports;
    expect(a).toMatchObject({
      kind: "ATTENDANCE",
      read: 17,
      valid: 9,
      quarantined: 7,
      duplicate: 1,
      alreadyImported: false,
    });
    expect(k).toMatchObject({
      kind: "EKINERJA",
      read: 11,
      valid: 6,
      quarantined: 4,
      duplicate: 1,
      alreadyImported: false,
    });

    const q = await s.db.quarantinedRow.findMany({ where: { batchId: a!.batchId }, orderBy: { line: "asc" } });
    expect(q.map((r) => [r.line, r.field])).toEqual([
      [10, "date"],
      [11, "status"],
      [12, "nip"],
      [13, "lateMinutes"],
      [14, "nip"],
      [16, "checkOut"],
      [17, null],
    ]);
    expect(q[0]).toMatchObject({
      raw: "197312292002081002;31/02/2024;07.10;16.00;H;",
      reasonId: expect.stringContaining("Tanggal tidak valid"),
      reasonEn: expect.stringContaining("Invalid date"),
    });
    expect(q[4]!.reasonId).toContain("NIP tidak terdaftar");
    expect(q[6]!.reasonEn).toBe("4 columns, expected 6");

    expect(await chNumber(s.ch, "SELECT count() AS n FROM fact_attendance")).toBe(9);
    expect(await chNumber(s.ch, "SELECT sum(rows) AS n FROM rollup_attendance_daily")).toBe(9);
    expect(await chNumber(s.ch, "SELECT sum(late_minutes) AS n FROM fact_attendance")).toBe(46);
    expect(
      await chNumber(s.ch, "SELECT count() AS n FROM fact_attendance WHERE status = 'TL4' AND check_in IS NULL"),
    ).toBe(1);
    const states = await s.ch.query<{ line: number; state: string; deadline: string }>(
      "SELECT line, state, toString(deadline) AS deadline FROM fact_ekinerja ORDER BY line",
    );
    expect(states).toEqual([
      { line: 2, state: "on_time", deadline: "2024-11-05" },
      { line: 3, state: "late", deadline: "2024-11-05" },
      { line: 4, state: "missing", deadline: "2024-11-05" },
      { line: 5, state: "on_time", deadline: "2024-11-05" },
      { line: 6, state: "missing", deadline: "2024-11-05" },
      { line: 7, state: "on_time", deadline: "2024-11-05" },
    ]);
  });

  it("loads the same file only once, under any name", async () => {
    const copy = path.join(s.dataDir, "salinan.csv");
    writeFileSync(copy, await import("node:fs").then((fs) => fs.readFileSync(attendance)));
    const again = await etl([attendance, copy]);
    expect(again.imports.map((r) => r.alreadyImported)).toEqual([true, true]);
    expect(await chNumber(s.ch, "SELECT count() AS n FROM fact_attendance")).toBe(9);
    expect(await s.db.importBatch.count()).toBe(2);
  });

  it("counts rows an earlier file already loaded as duplicates", async () => {
    const file = path.join(s.dataDir, "absensi-susulan.csv");
    writeFileSync(
      file,
      "nip,date,check_in,check_out,status,minutes_late\n198902192014081001,2024-11-04,07:12,16:05,H,0\n198902192014081001,2024-11-06,07:00,16:05,H,0\n",
    );
    const r = await etl([file]);
    expect(r.imports[0]).toMatchObject({ read: 2, valid: 1, duplicate: 1, quarantined: 0 });
    expect(await chNumber(s.ch, "SELECT count() AS n FROM fact_attendance")).toBe(10);
  });

  it("says why a NIP no employee has cannot be a NIP at all, in both languages; a well-formed one is unknown", async () => {
    const att = path.join(s.dataDir, "absensi-nip.csv");
    // 30 February; a well-formed PNS NIP nobody has; a well-formed PPPK number (agreement 24) nobody has
    writeFileSync(
      att,
      "nip,date,check_in,check_out,status\n199002302015011001,2024-11-08,07:00,16:05,H\n199001012015011998,2024-11-08,07:00,16:05,H\n199009132025242014,2024-11-08,07:00,16:05,H\n",
    );
    const ek = path.join(s.dataDir, "ekinerja-nip.csv");
    // sex digit 3 fits neither layout
    writeFileSync(ek, "nip,periode,jenis,waktu_kirim,status_persetujuan\n199001012015013001,10/2024,bulanan,,\n");
    const r = await etl([att, ek]);
    const reasons = async (batchId: number | undefined) =>
      (await s.db.quarantinedRow.findMany({ where: { batchId }, orderBy: { line: "asc" } })).map((q) => [
        q.line,
        q.field,
        q.reasonId,
        q.reasonEn,
      ]);
    expect(await reasons(r.imports[0]!.batchId)).toEqual([
      [
        2,
        "nip",
        "NIP tidak valid: 8 digit pertama bukan tanggal lahir yang sah",
        "Invalid NIP: the first 8 digits are not a valid birth date",
      ],
      [3, "nip", "NIP tidak terdaftar sebagai pegawai di daerah ini", "NIP is not an employee of this region"],
      [4, "nip", "NIP tidak terdaftar sebagai pegawai di daerah ini", "NIP is not an employee of this region"],
    ]);
    expect(await reasons(r.imports[1]!.batchId)).toEqual([
      [
        2,
        "nip",
        "NIP tidak valid: digit ke-15 harus 1 (pria) atau 2 (wanita)",
        "Invalid NIP: digit 15 must be 1 (male) or 2 (female)",
      ],
    ]);
  });

  it("refuses a file without the required columns, says why in both languages, and still loads the others", async () => {
    const bad = path.join(s.dataDir, "absensi-rusak.csv");
    writeFileSync(bad, "nip;tanggal;jam_masuk\n198902192014081001;07/11/2024;07.00\n");
    const good = path.join(s.dataDir, "absensi-lain.csv");
    writeFileSync(good, "nip;tanggal;jam_masuk;jam_pulang;status\n198902192014081001;07/11/2024;07.00;16.00;H\n");
    const r = await etl([bad, path.join(s.dataDir, "tidak-ada.csv"), good]);
    expect(r.imports[0]!.error?.id).toMatch(/absensi-rusak\.csv.*jam_pulang, status/);
    expect(r.imports[0]!.error?.en).toMatch(/not a recognised attendance export.*jam_pulang, status/);
    expect(r.imports[1]!.error?.en).toContain("cannot be read (ENOENT)");
    expect(r.imports[2]).toMatchObject({ valid: 1, quarantined: 0 });
    expect(await chNumber(s.ch, "SELECT count() AS n FROM fact_attendance")).toBe(11);
    const run = await s.db.etlRun.findUniqueOrThrow({ where: { id: r.runId } });
    expect(run.status).toBe("SUCCEEDED");
  });
});
