import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ObjectStore } from "./types";

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Objects as files under `root`; written to a temporary name and renamed, so a reader never sees half a file. */
export class DiskStore implements ObjectStore {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = `disk: ${root}`;
  }

  private file(key: string): string {
    if (!KEY.test(key) || key.includes("..")) throw new Error(`invalid storage key: ${key}`);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.file(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  /**
   * What a process killed mid-upload left: half-written ".tmp" files, documents no request row names
   * (the transaction that would have recorded them never committed) and the empty folders around them.
   * Only things older than `olderThanMs` go, so an upload in progress is never touched.
   */
  async sweep(
    referenced: (keys: string[]) => Promise<Set<string>>,
    olderThanMs = 60 * 60_000,
    now = Date.now(),
  ): Promise<{ files: number; folders: number }> {
    const removed = { files: 0, folders: 0 };
    const walk = async (dir: string, prefix: string): Promise<boolean> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return false;
      }
      const candidates: { key: string; file: string }[] = [];
      let kept = 0;
      for (const e of entries) {
        const full = path.join(dir, e.name);
        const key = prefix ? `${prefix}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!(await walk(full, key))) kept++;
          continue;
        }
        const age = now - (await stat(full)).mtimeMs;
        if (age < olderThanMs) kept++;
        else if (e.name.endsWith(".tmp")) {
          await rm(full, { force: true });
          removed.files++;
        } else candidates.push({ key, file: full });
      }
      const known = candidates.length ? await referenced(candidates.map((c) => c.key)) : new Set<string>();
      for (const c of candidates) {
        if (known.has(c.key)) kept++;
        else {
          await rm(c.file, { force: true });
          removed.files++;
        }
      }
      if (kept > 0 || !prefix) return false;
      const { mtimeMs } = await stat(dir);
      if (now - mtimeMs < olderThanMs) return false;
      await rmdir(dir).catch(() => {});
      removed.folders++;
      return true;
    };
    await walk(this.root, "");
    return removed;
  }
}
