// Apply, create and reset relational migrations offline (see schema-engine.ts).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { RelationalConnection } from "./adapter";
import { readMigrationsList, SchemaEngineSession } from "./schema-engine";

export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../../prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");

async function readSchema(schemaPath: string) {
  return { path: schemaPath, content: await readFile(schemaPath, "utf8") };
}

/** Applies pending migrations; safe to run twice and at every start. Returns the names applied. */
export async function applyMigrations(conn: RelationalConnection, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const engine = await SchemaEngineSession.open(conn.migrationFactory ?? conn.factory);
  try {
    return await engine.applyMigrations(await readMigrationsList(migrationsDir));
  } finally {
    await engine.close();
  }
}

/** Migrations in the folder that the database has not applied yet. */
export async function pendingMigrations(conn: RelationalConnection, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const engine = await SchemaEngineSession.open(conn.migrationFactory ?? conn.factory);
  try {
    const d = await engine.diagnose(await readMigrationsList(migrationsDir));
    return d.history?.diagnostic === "databaseIsBehind" || d.history?.diagnostic === "historiesDiverge"
      ? d.history.unappliedMigrationNames
      : !d.hasMigrationsTable
        ? (await readMigrationsList(migrationsDir)).migrationDirectories.map((m) => m.path)
        : [];
  } finally {
    await engine.close();
  }
}

/**
 * Writes a new migration folder from the difference between the existing migrations and the schema.
 * The existing migrations are replayed on a throwaway in-memory PGlite, so no database is touched.
 */
export async function createMigration(
  name: string,
  { migrationsDir = MIGRATIONS_DIR, schemaPath = SCHEMA_PATH, now = new Date() } = {},
) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!slug) throw new Error("Nama migrasi kosong / migration name is empty");
  const scratch = await PGlite.create();
  const engine = await SchemaEngineSession.open(new PrismaPGlite(scratch));
  try {
    const sql = await engine.diffMigrationsToSchema(
      await readMigrationsList(migrationsDir),
      await readSchema(schemaPath),
    );
    if (!sql) return null;
    const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${slug}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    return dir;
  } finally {
    await engine.close();
    await scratch.close();
  }
}

/** Drops everything in the database (all data!). */
export async function resetDatabase(conn: RelationalConnection): Promise<void> {
  const engine = await SchemaEngineSession.open(conn.migrationFactory ?? conn.factory);
  try {
    await engine.reset();
  } finally {
    await engine.close();
  }
}
