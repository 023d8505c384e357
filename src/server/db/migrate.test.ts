import { cpSync, existsSync, readFileSync, readdirSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openEmptyRelational, relationalKinds, tempDir } from "@/test/stores";
import { createPrisma } from "./client";
import {
  applyMigrations,
  createMigration,
  MIGRATIONS_DIR,
  pendingMigrations,
  PRISMA_DIR,
  resetDatabase,
} from "./migrate";

describe.each(relationalKinds)("relational migrations on %s", (kind) => {
  it("apply once, then nothing; safe to run at every start", async () => {
    const conn = await openEmptyRelational(kind);
    try {
      const all = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
      expect(await pendingMigrations(conn)).toEqual(all);
      expect(await applyMigrations(conn)).toEqual(all);
      expect(await applyMigrations(conn)).toEqual([]);
      expect(await pendingMigrations(conn)).toEqual([]);
      // the migration lock is let go when a run ends (it was held until the pool's idle timeout)
      if (conn.target.kind === "postgres") {
        const c = new pg.Client({ connectionString: conn.target.url });
        await c.connect();
        const held = await c.query(
          "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()",
        );
        await c.end();
        expect(held.rows[0].n).toBe(0);
      }
      const db = createPrisma(conn);
      await db.region.create({ data: { code: "X", name: "Kabupaten X" } });
      expect(await db.region.count()).toBe(1);
      await db.$disconnect();
      await resetDatabase(conn);
      expect(await applyMigrations(conn)).toEqual(all);
      const db2 = createPrisma(conn);
      expect(await db2.region.count()).toBe(0);
      await db2.$disconnect();
    } finally {
      await conn.close();
    }
  });
});

describe("creating a migration from the schema diff", () => {
  const tmp = tempDir();
  afterAll(tmp.remove);

  it("writes nothing when the migrations already match the schema", async () => {
    expect(await createMigration("noop")).toBeNull();
  });

  it("writes the SQL that brings the migrations up to the schema, in Prisma's folder format", async () => {
    const dir = path.join(tmp.dir, "migrations");
    mkdirSync(dir);
    cpSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
    const created = await createMigration("Init again!", { migrationsDir: dir, now: new Date("2026-11-22T01:02:03Z") });
    expect(created).toBe(path.join(dir, "20261122010203_init_again"));
    const sql = readFileSync(path.join(created!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "AuditLog"');
    expect(existsSync(path.join(PRISMA_DIR, "schema.prisma"))).toBe(true);
  });
});
