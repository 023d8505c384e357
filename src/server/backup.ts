// Backups of what only the data folder holds on the embedded default: the relational system of record
// (PGlite), the stored import batches (the system of record for file data), uploaded documents and
// the development auth secret. ClickHouse is not in it: `npm run etl -- --full` rebuilds it.
//
// A backup is consistent while the server runs: the running PGlite is asked for it (a CHECKPOINT, then
// its own dump, taken between two statements), and import batches and uploads are copied after it — a
// batch or document is written before the row naming it commits, so everything the dump names is there.
// With PostgreSQL the database is backed up by its own tools (pg_dump); the files are still copied.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { RelationalConnection } from "./db/adapter";

export const BACKUP_FORMAT = 1;

export interface BackupManifest {
  format: number;
  createdAt: string;
  relational: "pglite" | "postgresql (not included: back it up with pg_dump)";
  files: { imports: number; uploads: number };
}

export interface BackupInfo {
  name: string;
  dir: string;
  createdAt: Date;
  bytes: number;
}

const NAME = /^pantau-\d{8}-\d{6}$/;

/** Where backups go: BACKUP_DIR, else <data folder>/backups (copy them off the machine too). */
export function backupRoot(env: { dataDir: string; BACKUP_DIR?: string }): string {
  return env.BACKUP_DIR ? path.resolve(env.BACKUP_DIR) : path.join(env.dataDir, "backups");
}

function sizeOf(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.size;
  return readdirSync(p).reduce((a, f) => a + sizeOf(path.join(p, f)), 0);
}

function countFiles(p: string): number {
  if (!existsSync(p)) return 0;
  return readdirSync(p, { withFileTypes: true }).reduce(
    (a, e) => a + (e.isDirectory() ? countFiles(path.join(p, e.name)) : 1),
    0,
  );
}

/** The backups in `root`, newest first; their sizes only when asked (that walks every file). */
export function listBackups(root: string, opts: { sizes?: boolean } = {}): BackupInfo[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((n) => NAME.test(n) && existsSync(path.join(root, n, "manifest.json")))
    .map((name) => {
      const dir = path.join(root, name);
      const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as BackupManifest;
      return { name, dir, createdAt: new Date(manifest.createdAt), bytes: opts.sizes ? sizeOf(dir) : 0 };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

/** Makes a backup; keeps the newest `keep` of them. */
export async function makeBackup(opts: {
  dataDir: string;
  root: string;
  conn: RelationalConnection;
  keep: number;
  now?: Date;
}): Promise<BackupInfo> {
  const now = opts.now ?? new Date();
  let name = `pantau-${stamp(now)}`;
  for (let i = 1; existsSync(path.join(opts.root, name)); i++)
    name = `pantau-${stamp(new Date(now.getTime() + i * 1000))}`;
  const dir = path.join(opts.root, name);
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  // the dump and the auth secret are for the server's account only
  mkdirSync(opts.root, { recursive: true, mode: 0o700 });
  mkdirSync(tmp, { mode: 0o700 });
  try {
    let relational: BackupManifest["relational"] = "postgresql (not included: back it up with pg_dump)";
    if (opts.conn.pglite) {
      await opts.conn.pglite.exec("CHECKPOINT");
      const dump = await opts.conn.pglite.dumpDataDir("gzip");
      writeFileSync(path.join(tmp, "relational.tar.gz"), Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
      relational = "pglite";
    }
    const copy = (what: string) => {
      const from = path.join(opts.dataDir, what);
      // an import killed halfway leaves "<batch>.tmp-…" folders: not part of the record
      if (existsSync(from))
        cpSync(from, path.join(tmp, what), {
          recursive: true,
          filter: (src) => !/\.tmp-[0-9a-f]+$|\.\d+\.tmp$/.test(src),
        });
    };
    copy("imports");
    copy("uploads");
    if (existsSync(path.join(opts.dataDir, "auth-secret")))
      cpSync(path.join(opts.dataDir, "auth-secret"), path.join(tmp, "auth-secret"));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: now.toISOString(),
      relational,
      files: { imports: countFiles(path.join(tmp, "imports")), uploads: countFiles(path.join(tmp, "uploads")) },
    };
    writeFileSync(path.join(tmp, "manifest.json"), JSON.stringify(manifest, null, 2));
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  for (const old of listBackups(opts.root).slice(Math.max(1, opts.keep)))
    rmSync(old.dir, { recursive: true, force: true });
  return { name, dir, createdAt: now, bytes: sizeOf(dir) };
}

export class RestoreError extends Error {}

/**
 * Restores a backup into a data folder whose server is stopped (the caller holds the folder's lock).
 * The backup is first unpacked beside the folder's contents and opened; only then is what the folder
 * held moved aside, to <data folder>/before-restore-<time> (nothing is deleted), and the restored parts
 * moved in. A backup that cannot be unpacked changes nothing. ClickHouse is left as it was:
 * `npm run etl -- --full` rebuilds it from the restored record.
 */
export async function restoreBackup(
  dataDir: string,
  backupDir: string,
  now = new Date(),
): Promise<{ movedAside: string; manifest: BackupManifest }> {
  const manifestFile = path.join(backupDir, "manifest.json");
  if (!existsSync(manifestFile))
    throw new RestoreError(
      `${backupDir} bukan cadangan Pantau (tidak ada manifest.json) / is not a Pantau backup (no manifest.json)`,
    );
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new RestoreError(
      `format cadangan ${manifest.format} tidak dikenal / unknown backup format ${manifest.format}`,
    );
  const parts = ["imports", "uploads", "auth-secret", ...(manifest.relational === "pglite" ? ["pglite"] : [])];
  const staging = path.join(dataDir, `restore-staging-${stamp(now)}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    if (manifest.relational === "pglite") {
      const dump = readFileSync(path.join(backupDir, "relational.tar.gz"));
      const pg = await PGlite.create(path.join(staging, "pglite"), { loadDataDir: new Blob([dump]) });
      await pg.query("SELECT 1");
      await pg.close();
    }
    for (const what of ["imports", "uploads", "auth-secret"]) {
      const from = path.join(backupDir, what);
      if (existsSync(from)) cpSync(from, path.join(staging, what), { recursive: true });
    }
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw new RestoreError(
      `cadangan tidak dapat dibuka; folder data tidak diubah / the backup cannot be opened; the data folder is unchanged: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const aside = path.join(dataDir, `before-restore-${stamp(now)}`);
  mkdirSync(aside, { recursive: true });
  for (const what of parts) {
    const p = path.join(dataDir, what);
    if (existsSync(p)) renameSync(p, path.join(aside, what));
    if (existsSync(path.join(staging, what))) renameSync(path.join(staging, what), p);
  }
  rmSync(staging, { recursive: true, force: true });
  return { movedAside: aside, manifest };
}
