// Backups from the command line (src/server/backup.ts says what is in one).
//   npm run backup                      a backup now (made by the running server, or by this command when none runs)
//   npm run restore -- <backup folder>  restore into a stopped data folder, then rebuild ClickHouse and verify
import { parseArgs } from "node:util";
import { envOrExit } from "../src/env";
import { backupRoot, listBackups, makeBackup, restoreBackup, RestoreError } from "../src/server/backup";
import { requestBackupFromServer } from "../src/server/backup-requests";
import { acquireDataDir, DataDirBusyError, releaseDataDir } from "../src/server/data-dir";
import { openRelational, relationalTarget } from "../src/server/db/adapter";
import { createProgress } from "../etl/progress";
import { runEtl } from "../etl/run";
import { openStores } from "../etl/stores";
import { verify } from "../etl/verify";

const env = envOrExit();
const [command, ...rest] = process.argv.slice(2);
const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function backup(): Promise<number> {
  let conn;
  try {
    conn = await openRelational(relationalTarget(env));
  } catch (err) {
    if (!(err instanceof DataDirBusyError)) throw err;
    console.log(
      "[backup] Server Pantau memakai folder data: cadangan dibuat oleh server… / the Pantau server owns the data folder: asking it for the backup…",
    );
    const answer = await requestBackupFromServer(env.dataDir);
    if (!answer) {
      console.error("[backup] Server tidak menjawab dalam 10 menit / the server did not answer within 10 minutes.");
      return 1;
    }
    if (!answer.ok) {
      console.error(`[backup] gagal / failed: ${answer.error}`);
      return 1;
    }
    console.log(`[backup] ${answer.dir} (${mb(answer.bytes)})`);
    return 0;
  }
  try {
    const made = await makeBackup({ dataDir: env.dataDir, root: backupRoot(env), conn, keep: env.BACKUP_KEEP });
    console.log(`[backup] ${made.dir} (${mb(made.bytes)})`);
    if (!conn.pglite)
      console.log(
        "[backup] PostgreSQL tidak termasuk: cadangkan dengan pg_dump / PostgreSQL is not included: back it up with pg_dump.",
      );
    return 0;
  } finally {
    await conn.close();
    releaseDataDir(env.dataDir);
  }
}

async function restore(): Promise<number> {
  const from = positionals[0];
  if (!from) {
    const known = listBackups(backupRoot(env), { sizes: true });
    console.error(
      `usage: npm run restore -- <backup folder>\n${known.length ? `backups in ${backupRoot(env)}:\n${known.map((b) => `  ${b.dir}  (${b.createdAt.toISOString()}, ${mb(b.bytes)})`).join("\n")}` : `no backups in ${backupRoot(env)}`}`,
    );
    return 1;
  }
  acquireDataDir(env.dataDir); // the server must be stopped: a clear error names it otherwise
  try {
    const { movedAside, manifest } = await restoreBackup(env.dataDir, from);
    console.log(`[restore] ${from} (${manifest.createdAt}) restored; what the folder held before is in ${movedAside}`);
    if (manifest.relational !== "pglite")
      console.log("[restore] PostgreSQL: restore its own backup (pg_restore) before the ETL rebuild below.");
  } finally {
    releaseDataDir(env.dataDir);
  }
  // ClickHouse is rebuilt from the restored record, then checked against it
  const stores = await openStores(env);
  try {
    const result = await runEtl(stores, { mode: "full", trigger: "restore", progress: createProgress() });
    console.log(`[restore] ClickHouse rebuilt: ${Object.values(result.rows).reduce((a, b) => a + b, 0)} rows`);
    const report = await verify(stores.db, stores.ch);
    if (report.differences.length) {
      console.error(`[restore] verify: ${report.differences.length} differences (npm run etl:verify lists them)`);
      return 1;
    }
    console.log("[restore] verify: OK");
    return 0;
  } finally {
    await stores.close();
  }
}

const run = command === "backup" ? backup : command === "restore" ? restore : null;
if (!run) {
  console.error("usage: tsx scripts/backup.ts backup | restore <backup folder>");
  process.exit(1);
}
run()
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err instanceof RestoreError || err instanceof DataDirBusyError ? err.message : err);
    process.exit(1);
  });
