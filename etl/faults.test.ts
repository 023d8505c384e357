// Files that are valid but awkward, and batches that cannot load: the ETL must load every valid row it
// can, name what it could not, and never stop the batches and runs behind a bad one.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayNumber, isoDay, weekday } from "@/lib/domain/working-days";
import { chNumber, openEtlStores, type EtlTestStores } from "@/test/etl";
import { isTransientStoreError } from "@/server/store-errors";
import { generate } from "./generate/generate";
import { runEtl } from "./run";
import { verify } from "./verify";

describe("ETL faults (PGlite + chDB)", () => {
  let s: EtlTestStores;
  let nip: string;
  const etl = (opts: Parameters<typeof runEtl>[1] = {}) => runEtl(s, { lagMs: 0, today: "2026-11-25", ...opts });

  beforeAll(async () => {
    s = await openEtlStores();
    const out = path.join(s.dataDir, "gen");
    await generate(s.db, { seed: 3, employees: 20, start: "2026-09-01", end: "2026-09-30", outDir: out });
    await etl({ files: readdirSync(out).map((f) => ({ path: path.join(out, f) })) });
    // an employee with a long career, so ten years of attendance are valid rows
    const e = await s.db.employee.findFirstOrThrow({ orderBy: { nip: "asc" } });
    await s.db.employee.update({
      where: { id: e.id },
      data: { appointedOn: new Date("2010-01-04"), retiredOn: null, active: true },
    });
    nip = e.nip;
  });
  afterAll(() => s.close());

  it("loads one employee's attendance over ten years (113 monthly partitions in one file) and verify is clean", async () => {
    const lines = ["nip;tanggal;jam_masuk;jam_pulang;status"];
    for (let d = dayNumber("2015-01-01"); d <= dayNumber("2024-05-31"); d++) {
      if (weekday(d) >= 6) continue;
      const day = isoDay(d).split("-").reverse().join("/");
      lines.push(`${nip};${day};07:25;16:05;H`);
    }
    const file = path.join(s.dataDir, "absensi-2015-2024.csv");
    writeFileSync(file, lines.join("\r\n") + "\r\n");
    const result = await etl({ files: [{ path: file }] });
    const [report] = result.imports;
    expect(report!.error).toBeUndefined();
    expect(report!.valid).toBeGreaterThan(2400);
    expect(result.failedBatches).toEqual([]);
    const employeeId = (await s.db.employee.findUniqueOrThrow({ where: { nip } })).id;
    expect(
      await chNumber(
        s.ch,
        "SELECT count() AS n FROM fact_attendance WHERE employee_id = {e:String} AND day < '2024-06-01'",
        { e: employeeId },
      ),
    ).toBe(report!.valid);
    expect((await verify(s.db, s.ch)).differences).toEqual([]);
  });

  it("quarantines a NUL row and an unclosed quote alone, and loads every other row of the file", async () => {
    const rows = [
      "nip,tanggal,jam_masuk,jam_pulang,status,keterangan",
      `${nip},2024-07-01,07:20,16:00,H,"biasa"`,
      `${nip},2024-07-02,07:20,16:00,H\u0000,rusak`,
      `${nip},2024-07-03,07:20,16:00,H,"kutip tidak ditutup`,
      `${nip},2024-07-04,07:20,16:00,H,baik`,
      `${nip},2024-07-05,07:20,16:00,H,"dua`,
      `baris"`,
      `${nip},2024-07-08,07:20,16:00,H,baik`,
    ];
    const file = path.join(s.dataDir, "absensi-juli.csv");
    writeFileSync(file, rows.join("\n") + "\n");
    const { imports, failedBatches } = await etl({ files: [{ path: file }] });
    expect(failedBatches).toEqual([]);
    expect(imports[0]).toMatchObject({ read: 6, valid: 4, quarantined: 2 });
    const q = await s.db.quarantinedRow.findMany({ where: { batchId: imports[0]!.batchId }, orderBy: { line: "asc" } });
    expect(q.map((r) => [r.line, r.reasonEn])).toEqual([
      [3, expect.stringContaining("NUL")],
      [4, expect.stringContaining("never closed")],
    ]);
    expect(q[0]!.raw).toContain("H\\0");
    expect((await verify(s.db, s.ch)).differences).toEqual([]);
  });

  it("removes the unfinished import folders a killed run left, and only those", async () => {
    const imports = path.join(s.dataDir, "imports");
    const left = path.join(imports, "attendance-0123456789abcdef0123456789abcdef.tmp-deadbeef");
    mkdirSync(left, { recursive: true });
    writeFileSync(path.join(left, "0.tsv"), "x".repeat(1000));
    const before = readdirSync(imports).filter((f) => !f.includes(".tmp-"));
    await etl();
    expect(existsSync(left)).toBe(false);
    expect(readdirSync(imports).sort()).toEqual(before.sort());
  });

  it("marks a batch that cannot load as failed with its reason, loads the rest, and verify reports the missing rows", async () => {
    const dayFile = (name: string, day: string) => {
      const p = path.join(s.dataDir, name);
      writeFileSync(p, `nip,tanggal,jam_masuk,jam_pulang,status\n${nip},${day},07:20,16:00,H\n`);
      return { path: p };
    };
    // a file is imported, then its stored rows are damaged, so the rebuild cannot load them again
    const broken = await etl({ files: [dayFile("absensi-rusak.csv", "2024-06-03")] });
    const brokenId = broken.imports[0]!.batchId;
    const stored = (await s.db.importBatch.findUniqueOrThrow({ where: { id: brokenId } })).storedPath;
    writeFileSync(path.join(s.dataDir, stored, "0.tsv"), "this\tis\tnot\ta\trow\n");
    const fine = dayFile("absensi-baik.csv", "2024-06-04");

    const run = await etl({ mode: "full", files: [fine] });
    expect(run.failedBatches.map((f) => f.batchId)).toEqual([brokenId]);
    const failed = await s.db.importBatch.findUniqueOrThrow({ where: { id: brokenId } });
    expect(failed.status).toBe("FAILED");
    expect(failed.loadError).toMatch(/Code: \d+/); // ClickHouse's own words about the rows
    expect(isTransientStoreError(new Error(failed.loadError!))).toBe(false);
    expect((await s.db.importBatch.findUniqueOrThrow({ where: { id: run.imports[0]!.batchId } })).status).toBe(
      "LOADED",
    );
    const record = await s.db.etlRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(record.status).toBe("SUCCEEDED");
    expect(record.error).toContain("absensi-rusak.csv");

    // later runs are not held back by it
    const next = await etl();
    expect(next.failedBatches).toEqual([]);
    // and verify counts it: its valid row is missing from ClickHouse
    const { differences } = await verify(s.db, s.ch);
    expect(differences.map((d) => d.check)).toContain("import batches: stored ↔ loaded");
    expect(differences.map((d) => d.check)).toContain("attendance: batches ↔ fact_attendance");
    expect(differences.find((d) => d.check === "import batches: stored ↔ loaded")!.actual).toMatch(/^FAILED: /);
  });
});
