// The server makes backups (it owns the embedded stores): every BACKUP_INTERVAL_HOURS, catching up
// after downtime (a backup is due when the newest one is older than the interval), and whenever
// `npm run backup` or an administrator asks for one.
import { env } from "@/env";
import { answerBackupRequests } from "./backup-requests";
import { backupRoot, listBackups, makeBackup, type BackupInfo } from "./backup";
import { getRelationalConnection } from "./db";

const state = globalThis as unknown as {
  pantauBackupTimer?: NodeJS.Timeout;
  pantauBackupRunning?: Promise<BackupInfo>;
};

/** One backup at a time in this process: a second ask while one runs gets that one. */
export function backupNow(): Promise<BackupInfo> {
  state.pantauBackupRunning ??= (async () => {
    const e = env();
    try {
      const made = await makeBackup({
        dataDir: e.dataDir,
        root: backupRoot(e),
        conn: await getRelationalConnection(),
        keep: e.BACKUP_KEEP,
      });
      console.log(`[backup] ${made.dir} (${(made.bytes / 1024 / 1024).toFixed(1)} MB)`);
      return made;
    } finally {
      state.pantauBackupRunning = undefined;
    }
  })();
  return state.pantauBackupRunning;
}

export function startBackupSchedule(): void {
  if (state.pantauBackupTimer) return;
  const e = env();
  const everyMs = e.BACKUP_INTERVAL_HOURS * 3_600_000;
  // the schedule is first looked at ten minutes after start (a restart loop makes no backups), then once a minute
  let lastCheck = Date.now() + 10 * 60_000 - 60_000;
  const tick = async () => {
    await answerBackupRequests(e.dataDir, backupNow);
    // requests are answered every few seconds
    if (!everyMs || Date.now() - lastCheck < 60_000) return;
    lastCheck = Date.now();
    const newest = listBackups(backupRoot(e))[0];
    if (!newest || Date.now() - newest.createdAt.getTime() >= everyMs) await backupNow();
  };
  state.pantauBackupTimer = setInterval(
    () => void tick().catch((err) => console.error("[backup] failed:", err)),
    3_000,
  );
  state.pantauBackupTimer.unref();
}
