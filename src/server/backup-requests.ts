// `npm run backup` while the server runs: the server owns the embedded stores, so the command asks
// it, through a file in <data folder>/backup-requests (as `npm run etl -- file.csv` uses the inbox),
// and waits for its answer. The server looks every few seconds.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export function requestsDir(dataDir: string) {
  return path.join(dataDir, "backup-requests");
}

export type BackupAnswer = { ok: true; dir: string; bytes: number } | { ok: false; error: string };

/** The server's side: answers every waiting request with one backup (made by `make`). */
export async function answerBackupRequests(
  dataDir: string,
  make: () => Promise<{ dir: string; bytes: number }>,
): Promise<number> {
  const dir = requestsDir(dataDir);
  if (!existsSync(dir)) return 0;
  const waiting = readdirSync(dir).filter((f) => f.endsWith(".request"));
  if (waiting.length === 0) return 0;
  let answer: BackupAnswer;
  try {
    const made = await make();
    answer = { ok: true, dir: made.dir, bytes: made.bytes };
  } catch (err) {
    answer = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  for (const f of waiting) {
    const done = path.join(dir, f.replace(/\.request$/, ".done"));
    writeFileSync(`${done}.tmp`, JSON.stringify(answer));
    renameSync(`${done}.tmp`, done);
    rmSync(path.join(dir, f), { force: true });
  }
  return waiting.length;
}

/** The command's side: asks the running server for a backup and waits for its answer. */
export async function requestBackupFromServer(
  dataDir: string,
  timeoutMs = 10 * 60_000,
  pollMs = 500,
): Promise<BackupAnswer | null> {
  const dir = requestsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const id = `${Date.now()}-${randomBytes(4).toString("hex")}`;
  writeFileSync(path.join(dir, `${id}.request`), new Date().toISOString());
  const done = path.join(dir, `${id}.done`);
  for (const until = Date.now() + timeoutMs; Date.now() < until;) {
    if (existsSync(done)) {
      const answer = JSON.parse(readFileSync(done, "utf8")) as BackupAnswer;
      rmSync(done, { force: true });
      return answer;
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  rmSync(path.join(dir, `${id}.request`), { force: true });
  return null;
}
