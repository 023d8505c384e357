// Numbered ClickHouse migrations (migrations/NNNN_name.sql), applied in order and recorded in
// `schema_migrations`. Each statement must be idempotent (IF NOT EXISTS …) so a run cut off
// half-way can simply run again. An applied file that was edited later is refused.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { splitStatements, toClusterStatement } from "./cluster";
import type { ClickHouse } from "./types";

export const CH_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "migrations");

export interface ClickHouseMigration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export async function readClickHouseMigrations(dir = CH_MIGRATIONS_DIR): Promise<ClickHouseMigration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  const seen = new Map<number, string>();
  const out: ClickHouseMigration[] = [];
  for (const file of files) {
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`ClickHouse migration file name must look like 0001_name.sql: ${file}`);
    const version = Number(m[1]);
    if (seen.has(version))
      throw new Error(`Two ClickHouse migrations share number ${m[1]}: ${seen.get(version)} and ${file}`);
    seen.set(version, file);
    const sql = await readFile(path.join(dir, file), "utf8");
    out.push({ version, name: m[2]!, file, sql, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return out;
}

function forTarget(ch: ClickHouse, sql: string) {
  return ch.cluster ? toClusterStatement(sql, ch.cluster) : sql;
}

async function ensureLogTable(ch: ClickHouse) {
  await ch.command(
    forTarget(
      ch,
      `CREATE TABLE IF NOT EXISTS schema_migrations (
        version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
      ) ENGINE = ReplacingMergeTree(applied_at) ORDER BY version`,
    ),
  );
}

export async function appliedClickHouseMigrations(ch: ClickHouse) {
  await ensureLogTable(ch);
  return ch.query<{ version: number; name: string; checksum: string }>(
    "SELECT version, argMax(name, applied_at) AS name, argMax(checksum, applied_at) AS checksum FROM schema_migrations GROUP BY version ORDER BY version",
  );
}

/** Applies pending migrations; returns the files applied. Safe to run twice and at every start. */
export async function applyClickHouseMigrations(
  ch: ClickHouse,
  opts: { dir?: string; onApply?: (file: string) => void } = {},
): Promise<string[]> {
  const migrations = await readClickHouseMigrations(opts.dir);
  const applied = new Map((await appliedClickHouseMigrations(ch)).map((r) => [r.version, r]));
  for (const m of migrations) {
    const done = applied.get(m.version);
    if (done && done.checksum !== m.checksum) {
      throw new Error(
        `ClickHouse migration ${m.file} was changed after it was applied. Write a new migration instead of editing an applied one.`,
      );
    }
  }
  const ran: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    opts.onApply?.(m.file);
    for (const statement of splitStatements(m.sql)) await ch.command(forTarget(ch, statement));
    await ch.insert("schema_migrations", [{ version: m.version, name: m.name, checksum: m.checksum }]);
    ran.push(m.file);
  }
  return ran;
}
