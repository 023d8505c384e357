// The embedded stores (PGlite, chDB) live inside one process each and must never be opened by
// two processes at once: that is how an embedded database gets corrupted. Every process that
// opens them first takes this lock on the data folder; a second process gets a clear error that
// names the owner. (chDB also refuses on its own `status` file; PGlite does not.)
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockInfo,
  ) {
    super(
      `Folder data ${dataDir} sedang dipakai oleh proses lain (PID ${owner.pid}: ${owner.command}, sejak ${owner.since}). ` +
        `Penyimpanan tertanam (PGlite, chDB) hanya boleh dibuka oleh satu proses: hentikan proses itu dulu.\n` +
        `The data folder ${dataDir} is in use by another process (PID ${owner.pid}: ${owner.command}, since ${owner.since}). ` +
        `The embedded stores can be opened by one process at a time: stop that process first.`,
    );
    this.name = "DataDirBusyError";
  }
}

export interface LockInfo {
  pid: number;
  /** Process start time from /proc (Linux), to tell a live owner from a recycled PID. */
  startTime: string | null;
  host: string;
  command: string;
  since: string;
}

function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime), counted after the parenthesised command name.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * True while the process runs. A killed process whose parent has not reaped it yet (a zombie) still
 * answers kill(pid, 0), but it holds nothing any more: its state in /proc says Z (or X).
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return true; // no /proc (not Linux): kill(pid, 0) is all there is
  }
}

function isAlive(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return true; // another machine on a shared disk: never steal
  if (!processAlive(info.pid)) return false;
  const start = processStartTime(info.pid);
  return info.startTime === null || start === null || start === info.startTime;
}

const held = new Map<string, string>(); // dataDir -> lock file, for this process

export function lockFilePath(dataDir: string) {
  return path.join(dataDir, "pantau.lock");
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockFilePath(dataDir), "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

/** Takes the data folder for this process (idempotent within the process). */
export function acquireDataDir(dataDir: string): void {
  if (held.has(dataDir)) return;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockFilePath(dataDir);
  const me: LockInfo = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    host: os.hostname(),
    command:
      process.argv
        .slice(1, 3)
        .map((a) => path.basename(a))
        .join(" ") || "node",
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      held.set(dataDir, file);
      process.once("exit", () => releaseDataDir(dataDir));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const owner = readLock(dataDir);
    if (owner && owner.pid === process.pid && owner.startTime === me.startTime) {
      held.set(dataDir, file);
      return;
    }
    if (owner && isAlive(owner)) throw new DataDirBusyError(dataDir, owner);
    // A stale lock from a process that died: move it aside atomically, then try again.
    try {
      fs.renameSync(file, `${file}.stale-${process.pid}`);
      fs.rmSync(`${file}.stale-${process.pid}`, { force: true });
    } catch {
      /* another process took it first; loop and look again */
    }
  }
  const owner = readLock(dataDir);
  throw owner ? new DataDirBusyError(dataDir, owner) : new Error(`Cannot lock data folder ${dataDir}`);
}

export function releaseDataDir(dataDir: string): void {
  const file = held.get(dataDir);
  if (!file) return;
  held.delete(dataDir);
  const owner = readLock(dataDir);
  if (owner?.pid === process.pid) fs.rmSync(file, { force: true });
}

/**
 * The auth secret for development: generated once and kept in the data folder so sessions
 * survive restarts. Production must set NEXTAUTH_SECRET (the env module enforces it).
 */
export function devAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    /* not created yet */
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return fs.readFileSync(file, "utf8").trim(); // another process wrote it first
  }
}
