// Both real engines for ETL integration tests: a migrated relational store (PGlite, or PostgreSQL
// when TEST_DATABASE_URL is set) and chDB in a temporary folder that is also the data folder.
import { applyClickHouseMigrations } from "@/server/clickhouse/migrate";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import { openTestChdb, openTestDb, type RelationalKind } from "./stores";

export interface EtlTestStores {
  db: Db;
  ch: ClickHouse;
  dataDir: string;
  close(): Promise<void>;
}

export async function openEtlStores(kind: RelationalKind = "pglite"): Promise<EtlTestStores> {
  const rel = await openTestDb(kind);
  const chdb = await openTestChdb();
  await applyClickHouseMigrations(chdb.ch);
  return {
    db: rel.db,
    ch: chdb.ch,
    dataDir: chdb.dataDir,
    async close() {
      await rel.close();
      await chdb.close();
    },
  };
}

/** One number from ClickHouse. */
export async function chNumber(ch: ClickHouse, sql: string, params: Record<string, unknown> = {}): Promise<number> {
  const [row] = await ch.query<{ n: number }>(sql, params);
  return Number(row?.n ?? 0);
}
