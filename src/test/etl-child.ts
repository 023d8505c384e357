// Child process for the kill-and-rerun test: runs the ETL on an embedded data folder with small
// chunks, printing "CHUNK <table> <rows>" after every chunk so the parent can kill it mid-load.
import { ChdbClickHouse } from "@/server/clickhouse/chdb";
import { applyClickHouseMigrations } from "@/server/clickhouse/migrate";
import { openRelational } from "@/server/db/adapter";
import { createPrisma } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrate";
import type { Progress } from "../../etl/progress";
import { runEtl } from "../../etl/run";

const [dataDir, chunkRows, ...files] = process.argv.slice(2);
const conn = await openRelational({ kind: "pglite", dataDir: dataDir! });
await applyMigrations(conn);
const ch = await ChdbClickHouse.open({ dataDir: dataDir!, database: "pantau" });
await applyClickHouseMigrations(ch);
const db = createPrisma(conn);
const rows: Record<string, number> = {};
const progress: Progress = {
  rows,
  start: () => {},
  add: (table, n) => {
    rows[table] = (rows[table] ?? 0) + n;
    process.stdout.write(`CHUNK ${table} ${n}\n`);
  },
  done: () => {},
  log: () => {},
};
await runEtl(
  { db, ch, dataDir: dataDir! },
  { files: files.map((p) => ({ path: p })), chunkRows: Number(chunkRows), lagMs: 0, today: "2026-11-25", progress },
);
process.stdout.write("DONE\n");
process.exit(0);
