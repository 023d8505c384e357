// Runs once when the Next.js server starts: refuse to serve with a bad environment, then start the
// scheduled ETL and backups (the server owns the embedded stores, so it is the one that loads and copies them).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { envOrExit } = await import("./env");
  const env = envOrExit();
  // Throttling and the audit log need the client address only scripts/server.mjs can vouch for.
  if (env.NODE_ENV === "production" && !(globalThis as Record<symbol, unknown>)[Symbol.for("pantau.clientAddress")]) {
    console.error("[pantau] Jalankan dengan `npm start` (scripts/server.mjs), bukan `next start`: tanpa itu alamat klien tidak dapat dipercaya.\n[pantau] Start with `npm start` (scripts/server.mjs), not `next start`: without it client addresses cannot be trusted.");
    process.exit(1);
  }
  const { startEtlSchedule } = await import("./server/etl-schedule");
  startEtlSchedule();
  const { startBackupSchedule } = await import("./server/backup-schedule");
  startBackupSchedule();
}
