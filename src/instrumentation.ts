// Runs once when the Next.js server starts: refuse to serve with a bad environment, then start the
// scheduled ETL and backups (the server owns the embedded stores, so it is the one that loads and copies them).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { envOrExit } = await import("./env");
  envOrExit();
  const { exitUnlessServedByPantau } = await import("./server/auth/authenticate");
  exitUnlessServedByPantau();
  const { startEtlSchedule } = await import("./server/etl-schedule");
  startEtlSchedule();
  const { startBackupSchedule } = await import("./server/backup-schedule");
  startBackupSchedule();
}
