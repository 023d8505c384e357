import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "@/test/stores";
import {
  acquireDataDir,
  DataDirBusyError,
  devAuthSecret,
  lockFilePath,
  processAlive,
  readLock,
  releaseDataDir,
} from "./data-dir";

const child = path.resolve(import.meta.dirname, "../test/open-store-child.ts");

function run(dataDir: string, mode?: string) {
  const proc = spawn(process.execPath, ["--import", "tsx", child, dataDir, ...(mode ? [mode] : [])], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout.on("data", (c: Buffer) => (out += c.toString()));
  const line = new Promise<string>((resolve) => {
    const check = () => (out.includes("\n") ? resolve(out.trim()) : undefined);
    proc.stdout.on("data", check);
    proc.on("exit", () => resolve(out.trim()));
  });
  return { proc, line };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe("data folder ownership", () => {
  it("a second process gets a clear error naming the owner, and nothing is corrupted", async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const owner = run(tmp.dir);
    cleanups.push(() => owner.proc.kill("SIGKILL"));
    expect(await owner.line).toBe("OPENED");

    const second = run(tmp.dir, "--exit");
    const msg = await second.line;
    expect(msg).toMatch(/^BUSY Folder data .* sedang dipakai oleh proses lain \(PID \d+/);
    expect(msg).toContain(`PID ${owner.proc.pid}`);
    expect(msg).toContain("in use by another process");

    // Once the owner is gone (even killed without cleanup), the next process takes over.
    owner.proc.kill("SIGKILL");
    await new Promise((r) => owner.proc.on("exit", r));
    const third = run(tmp.dir, "--exit");
    expect(await third.line).toBe("OPENED");
  });

  it("is re-entrant within one process and released on demand", () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    acquireDataDir(tmp.dir);
    acquireDataDir(tmp.dir);
    expect(readLock(tmp.dir)?.pid).toBe(process.pid);
    releaseDataDir(tmp.dir);
    expect(readLock(tmp.dir)).toBeNull();
  });

  it("takes over a stale lock left by a dead process", () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    writeFileSync(
      lockFilePath(tmp.dir),
      JSON.stringify({ pid: 2 ** 22 - 3, startTime: "1", host: os.hostname(), command: "x", since: "" }),
    );
    acquireDataDir(tmp.dir);
    expect(readLock(tmp.dir)?.pid).toBe(process.pid);
    releaseDataDir(tmp.dir);
  });

  it("takes over a lock whose owner was killed but not yet reaped (a zombie)", async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    // perl forks a child that exits at once and is never waited for: it stays a zombie while perl sleeps
    const parent = spawn(
      "perl",
      ["-e", '$| = 1; my $pid = fork(); if ($pid == 0) { exit 0 } print "$pid\n"; sleep 30'],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    cleanups.push(() => parent.kill("SIGKILL"));
    const zombie = Number(
      await new Promise<string>((resolve) => parent.stdout.once("data", (c: Buffer) => resolve(c.toString().trim()))),
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(readFileSync(`/proc/${zombie}/stat`, "utf8")).toMatch(/\) Z /);
    expect(processAlive(zombie)).toBe(false);
    writeFileSync(
      lockFilePath(tmp.dir),
      JSON.stringify({ pid: zombie, startTime: null, host: os.hostname(), command: "etl", since: "" }),
    );
    acquireDataDir(tmp.dir);
    expect(readLock(tmp.dir)?.pid).toBe(process.pid);
    releaseDataDir(tmp.dir);
    expect(processAlive(process.pid)).toBe(true);
  });

  it("refuses a lock held by a live process", () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    // PID 1 is alive; its recorded start time matches nothing we can check, so it is respected.
    writeFileSync(
      lockFilePath(tmp.dir),
      JSON.stringify({ pid: 1, startTime: null, host: os.hostname(), command: "init", since: "x" }),
    );
    expect(() => acquireDataDir(tmp.dir)).toThrow(DataDirBusyError);
  });

  it("keeps the development auth secret stable in the folder", () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const a = devAuthSecret(tmp.dir);
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(devAuthSecret(tmp.dir)).toBe(a);
  });
});
