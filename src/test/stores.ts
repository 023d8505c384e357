// Real engines for integration tests: PGlite in memory (or PostgreSQL when TEST_DATABASE_URL is
// set, in a fresh database of its own), chDB in a temporary folder.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ChdbClickHouse } from "@/server/clickhouse/chdb";
import { openRelational, type RelationalConnection } from "@/server/db/adapter";
import { createPrisma, type Db } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrate";
import { createTestDatabase } from "./postgres";

export type RelationalKind = "pglite" | "postgres";

export const relationalKinds: RelationalKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export function tempDir(prefix = "pantau-test-") {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, empty relational database of the given kind. */
export async function openEmptyRelational(kind: RelationalKind): Promise<RelationalConnection> {
  if (kind === "pglite") return openRelational({ kind: "pglite-memory" });
  const database = await createTestDatabase(process.env.TEST_DATABASE_URL!);
  const conn = await openRelational({ kind: "postgres", url: database.url });
  return {
    ...conn,
    async close() {
      await conn.close();
      await database.drop();
    },
  };
}

/** A migrated database with a Prisma client. */
export async function openTestDb(
  kind: RelationalKind = "pglite",
): Promise<{ db: Db; conn: RelationalConnection; close(): Promise<void> }> {
  const conn = await openEmptyRelational(kind);
  await applyMigrations(conn);
  const db = createPrisma(conn);
  return {
    db,
    conn,
    async close() {
      await db.$disconnect();
      await conn.close();
    },
  };
}

export async function openTestChdb() {
  const tmp = tempDir("pantau-chdb-");
  const ch = await ChdbClickHouse.open({ dataDir: tmp.dir, database: "pantau_test" });
  return {
    ch,
    dataDir: tmp.dir,
    async close() {
      await ch.close();
      tmp.remove();
    },
  };
}
