// What the benchmarks share: a generated region on the embedded stores, loaded through the ETL — or
// the one already in a folder given with --dir (kept by an earlier run), opened as it is.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatNumber } from "@/i18n/format";
import { isoDay } from "@/lib/domain/working-days";
import { ChdbClickHouse } from "@/server/clickhouse/chdb";
import { applyClickHouseMigrations } from "@/server/clickhouse/migrate";
import { todayNumber } from "@/server/clock";
import { openRelational } from "@/server/db/adapter";
import { createPrisma, type Db } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrate";
import { generate } from "../generate/generate";
import { runEtl } from "../run";

export const secs = (ms: number) => `${formatNumber(ms / 1000, "id", { maximumFractionDigits: 1 })} s`;
export const msf = (ms: number) => `${formatNumber(ms, "id", { maximumFractionDigits: 1 })} ms`;

export interface BenchRegionOptions {
  /** The benchmark's name, for the first line and the temporary folder. */
  name: string;
  /** A folder to reuse (when it holds stores) or to fill and keep; a temporary one otherwise. */
  dir?: string;
  employees: number;
  days: number;
  seed: number;
}

export interface BenchRegion {
  db: Db;
  ch: ChdbClickHouse;
  dir: string;
  /** The last generated day (day number), or null when the folder's data was reused. */
  generatedEnd: number | null;
  /** Closes the stores; removes the folder when it was a temporary one and `keep` is not set. */
  close(keep?: boolean): Promise<void>;
}

/** Opens the stores in the folder; on a new folder generates the region and loads it (full ETL run). */
export async function openBenchRegion(o: BenchRegionOptions): Promise<BenchRegion> {
  const reuse = o.dir !== undefined && existsSync(path.join(o.dir, "pglite"));
  const dir = o.dir ?? mkdtempSync(path.join(os.tmpdir(), `pantau-bench-${o.name}-`));
  console.log(
    `Pantau bench:${o.name} — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model.trim()}); data in ${dir}`,
  );
  const conn = await openRelational({ kind: "pglite", dataDir: dir });
  await applyMigrations(conn);
  const db = createPrisma(conn);
  const ch = await ChdbClickHouse.open({ dataDir: dir, database: "pantau" });
  await applyClickHouseMigrations(ch);
  let generatedEnd: number | null = null;
  if (!reuse) {
    generatedEnd = todayNumber() - 1;
    let t = performance.now();
    const truth = await generate(db, {
      seed: o.seed,
      employees: o.employees,
      start: isoDay(generatedEnd - o.days + 1),
      end: isoDay(generatedEnd),
      outDir: path.join(dir, "files"),
    });
    console.log(
      `generated ${formatNumber(o.employees, "id")} employees × ${o.days} days in ${secs(performance.now() - t)}`,
    );
    t = performance.now();
    const r = await runEtl(
      { db, ch, dataDir: dir },
      {
        mode: "full",
        trigger: "bench",
        lagMs: 0,
        workers: os.availableParallelism(),
        files: truth.written.files.map((p) => ({ path: p })),
      },
    );
    const rows = Object.values(r.rows).reduce((a, b) => a + b, 0);
    console.log(`loaded ${formatNumber(rows, "id")} rows through the ETL in ${secs(performance.now() - t)}`);
  }
  return {
    db,
    ch,
    dir,
    generatedEnd,
    async close(keep = false) {
      await ch.close();
      await db.$disconnect();
      await conn.close();
      if (!o.dir && !keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
