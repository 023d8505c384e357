// Opening both stores for a command-line ETL process (migrated, so a fresh install just works).
import type { Env } from "@/env";
import { applyClickHouseMigrations } from "@/server/clickhouse/migrate";
import { openClickHouse } from "@/server/clickhouse/open";
import type { ClickHouse } from "@/server/clickhouse/types";
import { releaseDataDir } from "@/server/data-dir";
import { openRelational, relationalTarget } from "@/server/db/adapter";
import { createPrisma, type Db } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrate";

export interface Stores {
  db: Db;
  ch: ClickHouse;
  dataDir: string;
  close(): Promise<void>;
}

export async function openStores(env: Env): Promise<Stores> {
  const conn = await openRelational(relationalTarget(env));
  try {
    await applyMigrations(conn);
    const ch = await openClickHouse(env);
    await applyClickHouseMigrations(ch);
    const db = createPrisma(conn);
    return {
      db,
      ch,
      dataDir: env.dataDir,
      async close() {
        await db.$disconnect();
        await ch.close();
        await conn.close();
        releaseDataDir(env.dataDir);
      },
    };
  } catch (err) {
    await conn.close();
    releaseDataDir(env.dataDir);
    throw err;
  }
}
