// Backup while the stores are open and being written, restore into the stopped folder, rebuild
// ClickHouse, verify: on the real engines (PGlite in a folder, chDB).
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../etl/generate/generate";
import type { Truth } from "../../etl/generate/model";
import { runEtl } from "../../etl/run";
import { verify } from "../../etl/verify";
import { chNumber } from "@/test/etl";
import { tempDir } from "@/test/stores";
import { answerBackupRequests, requestBackupFromServer } from "./backup-requests";
import { listBackups, makeBackup, restoreBackup } from "./backup";
import { ChdbClickHouse } from "./clickhouse/chdb";
import { applyClickHouseMigrations } from "./clickhouse/migrate";
import type { ClickHouse } from "./clickhouse/types";
import { acquireDataDir, releaseDataDir } from "./data-dir";
import { openRelational, type RelationalConnection } from "./db/adapter";
import { createPrisma, type Db } from "./db/client";
import { applyMigrations } from "./db/migrate";

describe("backup and restore of the embedded data folder", () => {
  const tmp = tempDir("pantau-backup-");
  const dataDir = path.join(tmp.dir, "data");
  const root = path.join(tmp.dir, "backups");
  let conn: RelationalConnection;
  let db: Db;
  let ch: ClickHouse;
  let truth: Truth;
  const etl = (opts: Parameters<typeof runEtl>[1] = {}) =>
    runEtl({ db, ch, dataDir }, { lagMs: 0, today: "2026-11-25", ...opts });
  const open = async () => {
    conn = await openRelational({ kind: "pglite", dataDir });
    await applyMigrations(conn);
    db = createPrisma(conn);
  };
  const shut = async () => {
    await db.$disconnect();
    await conn.close();
    releaseDataDir(dataDir);
  };

  beforeAll(async () => {
    await open();
    // chDB lives in a folder of its own here, open through the whole test (one engine per process)
    ch = await ChdbClickHouse.open({ dataDir: path.join(tmp.dir, "chdb"), database: "pantau" });
    await applyClickHouseMigrations(ch);
    const out = path.join(tmp.dir, "gen");
    truth = await generate(db, { seed: 5, employees: 30, start: "2026-08-03", end: "2026-10-30", outDir: out });
    await etl({ files: readdirSync(out).map((f) => ({ path: path.join(out, f) })) });
  }, 120_000);
  afterAll(async () => {
    await shut();
    await ch.close();
    tmp.remove();
  });

  const answers = () => db.surveyResponse.count();
  const addAnswer = async () => {
    const r = await db.surveyResponse.findFirstOrThrow({
      omit: { id: true, createdAt: true, updatedAt: true, requestId: true, submissionKey: true },
    });
    await db.surveyResponse.create({ data: { ...r, submissionKey: randomBytes(12).toString("base64url") } });
  };

  it("backs up while answers are being written, and restores to a record that rebuilds and verifies clean", async () => {
    const before = await answers();
    // writes keep going while the backup is made
    let writing = true;
    const writer = (async () => {
      while (writing) await addAnswer();
    })();
    const made = await makeBackup({ dataDir, root, conn, keep: 3 });
    writing = false;
    await writer;
    const after = await answers();
    expect(after).toBeGreaterThan(before);
    expect(existsSync(path.join(made.dir, "relational.tar.gz"))).toBe(true);
    expect(readdirSync(path.join(made.dir, "imports")).length).toBe(readdirSync(path.join(dataDir, "imports")).length);

    // more happens after the backup: a new answer and a new import
    await addAnswer();
    await shut();

    // the server is stopped; restore
    acquireDataDir(dataDir);
    const { movedAside } = await restoreBackup(dataDir, made.dir);
    releaseDataDir(dataDir);
    expect(existsSync(path.join(movedAside, "pglite"))).toBe(true);
    await open();
    const restored = await answers();
    expect(restored).toBeGreaterThanOrEqual(before);
    expect(restored).toBeLessThan(after + 1);

    // then etl --full and verify, as README says
    await etl({ mode: "full" });
    expect((await verify(db, ch)).differences).toEqual([]);
    expect(await chNumber(ch, "SELECT count() AS n FROM fact_attendance")).toBe(truth.attendance.rows);
    expect(await chNumber(ch, "SELECT count() AS n FROM fact_survey_response")).toBe(restored);
  });

  it("makes a backup for a command that asks the running server, and keeps the newest ones", async () => {
    const asked = requestBackupFromServer(dataDir, 30_000, 50);
    // the server's tick
    let answered = 0;
    while (!answered) {
      answered = await answerBackupRequests(dataDir, () => makeBackup({ dataDir, root, conn, keep: 2 }));
      await new Promise((r) => setTimeout(r, 20));
    }
    const answer = await asked;
    expect(answer).toMatchObject({ ok: true });
    await makeBackup({ dataDir, root, conn, keep: 2 });
    expect(listBackups(root)).toHaveLength(2);
    expect(listBackups(root)[1]!.dir).toBe((answer as { dir: string }).dir);
  });

  it("refuses a folder that is not a backup, or one that cannot be unpacked, changing nothing", async () => {
    await expect(restoreBackup(dataDir, tmp.dir)).rejects.toThrow(/bukan cadangan Pantau/);
    const [latest] = listBackups(root);
    const broken = path.join(tmp.dir, "broken-backup");
    cpSync(latest!.dir, broken, { recursive: true });
    writeFileSync(path.join(broken, "relational.tar.gz"), "not a tarball");
    const before = readdirSync(dataDir).sort();
    await expect(restoreBackup(dataDir, broken)).rejects.toThrow(/folder data tidak diubah/);
    expect(readdirSync(dataDir).sort()).toEqual(before);
  });

  it("keeps backups readable by the server's account only", () => {
    const [latest] = listBackups(root);
    expect(statSync(latest!.dir).mode & 0o077).toBe(0);
    expect(statSync(path.join(latest!.dir, "relational.tar.gz")).mode & 0o077).toBe(0);
  });
});
