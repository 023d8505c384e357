// Bring both stores up to date: relational migrations, ClickHouse migrations, and (optionally)
// the demo data. Runs before the web server starts; safe to run at every start.
import type { Env } from "@/env";
import { openClickHouse, describeClickHouse } from "./clickhouse/open";
import { applyClickHouseMigrations } from "./clickhouse/migrate";
import { releaseDataDir } from "./data-dir";
import { describeTarget, openRelational, relationalTarget } from "./db/adapter";
import { createPrisma } from "./db/client";
import { applyMigrations } from "./db/migrate";
import { seedDemo } from "./demo/seed";

export async function setupStores(env: Env, log: (line: string) => void = console.log) {
  const t0 = performance.now();
  const step = (msg: string) => log(`[pantau] ${msg} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const target = relationalTarget(env);
  const conn = await openRelational(target);
  try {
    const applied = await applyMigrations(conn);
    step(`${describeTarget(target)}: ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}`);
    const ch = await openClickHouse(env);
    try {
      const ran = await applyClickHouseMigrations(ch);
      step(`${describeClickHouse(env)}: ${ran.length ? `applied ${ran.join(", ")}` : "schema up to date"}`);
    } finally {
      await ch.close();
    }
    if (env.PANTAU_DEMO) {
      const db = createPrisma(conn);
      try {
        if (await seedDemo(db)) step("demo data loaded (accounts: see README)");
      } finally {
        await db.$disconnect();
      }
    }
  } finally {
    await conn.close();
    releaseDataDir(env.dataDir);
  }
}
