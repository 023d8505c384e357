// Crash safety with real processes: an ETL child is killed (SIGKILL) mid-load, twice, at different
// points; a third run finishes; then ClickHouse must equal the sources exactly.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ChdbClickHouse } from "@/server/clickhouse/chdb";
import { openRelational } from "@/server/db/adapter";
import { createPrisma } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrate";
import { releaseDataDir } from "@/server/data-dir";
import { chNumber } from "@/test/etl";
import { tempDir } from "@/test/stores";
import { generate } from "./generate/generate";
import { verify } from "./verify";

const CHILD = path.resolve(import.meta.dirname, "../src/test/etl-child.ts");
const tmp = tempDir("pantau-kill-");
afterAll(() => tmp.remove());

/** Runs the ETL child; kills it after `killAfter` chunks (or lets it finish). Returns chunks seen and how it ended. */
function runChild(
  files: string[],
  killWhen?: (table: string) => boolean,
): Promise<{ chunks: number; done: boolean; killed: boolean; at?: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", CHILD, tmp.dir, "100", ...files], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let chunks = 0;
    let done = false;
    let at: string | undefined;
    let buf = "";
    let err = "";
    proc.stderr.on("data", (c: Buffer) => (err += c.toString()));
    proc.stdout.on("data", (c: Buffer) => {
      buf += c.toString();
      let nl: number;
      while ((nl = buf.indexOf("\n")) !== -1) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === "DONE") done = true;
        if (!line.startsWith("CHUNK")) continue;
        chunks++;
        const table = line.split(" ")[1]!;
        if (killWhen?.(table) && !proc.killed) {
          at = table;
          proc.kill("SIGKILL");
        }
      }
    });
    proc.on("exit", (code, signal) => {
      if (signal === "SIGKILL" || code === 0) resolve({ chunks, done, killed: signal === "SIGKILL", at });
      else reject(new Error(`ETL child failed (${code}): ${err}`));
    });
  });
}

describe("kill the ETL mid-load and run it again", () => {
  it("ends with ClickHouse counts equal to the sources: nothing doubled, nothing missing", async () => {
    const out = path.join(tmp.dir, "files");
    const conn = await openRelational({ kind: "pglite", dataDir: tmp.dir });
    await applyMigrations(conn);
    let db = createPrisma(conn);
    const truth = await generate(db, { seed: 11, employees: 40, start: "2026-05-04", end: "2026-08-28", outDir: out });
    await db.$disconnect();
    await conn.close();
    releaseDataDir(tmp.dir);
    const files = readdirSync(out)
      .sort()
      .map((f) => path.join(out, f));

    let events = 0;
    const first = await runChild(files, (table) => table === "fact_request_event" && ++events === 2);
    expect(first).toMatchObject({ killed: true, done: false, at: "fact_request_event" });
    let attendance = 0;
    const second = await runChild(files, (table) => table === "fact_attendance" && ++attendance === 10);
    expect(second).toMatchObject({ killed: true, done: false, at: "fact_attendance" });
    const last = await runChild(files);
    expect(last.done).toBe(true);

    const conn2 = await openRelational({ kind: "pglite", dataDir: tmp.dir });
    db = createPrisma(conn2);
    const ch = await ChdbClickHouse.open({ dataDir: tmp.dir, database: "pantau" });
    try {
      expect(await chNumber(ch, "SELECT count() AS n FROM fact_attendance")).toBe(truth.attendance.rows);
      expect(await chNumber(ch, "SELECT sum(rows) AS n FROM rollup_attendance_daily")).toBe(truth.attendance.rows);
      expect(await chNumber(ch, "SELECT count() AS n FROM fact_ekinerja")).toBe(truth.ekinerja.rows);
      expect(await chNumber(ch, "SELECT sum(due) AS n FROM rollup_ekinerja_daily")).toBe(truth.ekinerja.rows);
      expect(await chNumber(ch, "SELECT count() AS n FROM fact_request_event")).toBe(truth.requests.events);
      expect(await chNumber(ch, "SELECT sum(completed) AS n FROM rollup_request_daily")).toBe(truth.requests.completed);
      expect((await verify(db, ch)).differences).toEqual([]);
      const runs = await db.etlRun.findMany({ orderBy: { id: "asc" } });
      expect(runs.map((r) => r.status)).toEqual(["FAILED", "FAILED", "SUCCEEDED"]);
      expect(runs[0]!.error).toMatch(/interrupted/);
      expect(await db.importBatch.count({ where: { status: "LOADED" } })).toBe(files.length);
    } finally {
      await ch.close();
      await db.$disconnect();
      await conn2.close();
    }
  });
});
