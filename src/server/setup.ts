// Bring both stores up to date: relational migrations, ClickHouse migrations, and (optionally)
// the demo data. Runs before the web server starts; safe to run at every start.
import os from "node:os";
import path from "node:path";
import type { Env } from "@/env";
import { isoDay } from "@/lib/domain/working-days";
import { recordGenerated } from "../../etl/generate/continue";
import { generate } from "../../etl/generate/generate";
import { runEtl } from "../../etl/run";
import { openClickHouse, describeClickHouse } from "./clickhouse/open";
import { applyClickHouseMigrations } from "./clickhouse/migrate";
import { releaseDataDir } from "./data-dir";
import { describeTarget, openRelational, relationalTarget } from "./db/adapter";
import { createPrisma } from "./db/client";
import { applyMigrations } from "./db/migrate";
import { linkDemoEmployee, seedDemo, seedDemoReport, seedServicePoints } from "./demo/seed";
import { today, todayNumber } from "./clock";
import { issueSetupToken, SETUP_TOKEN_HOURS } from "../features/setup/server/first-admin";
import { ensureDefaultThresholds } from "../features/compliance/server/discipline";

/** Where the setup link points: NEXTAUTH_URL, or this machine on the port the server will take. */
function publicBase(env: Env): string {
  return (env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

export async function setupStores(env: Env, log: (line: string) => void = console.log) {
  const t0 = performance.now();
  const step = (msg: string) => log(`[pantau] ${msg} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const target = relationalTarget(env);
  const conn = await openRelational(target);
  try {
    const applied = await applyMigrations(conn);
    step(`${describeTarget(target)}: ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}`);
    {
      // reference data whose one source is the code (HR's edits are kept)
      const db = createPrisma(conn);
      try {
        const added = await ensureDefaultThresholds(db);
        if (added.length) step(`discipline thresholds added: ${added.join(", ")}`);
      } finally {
        await db.$disconnect();
      }
    }
    const ch = await openClickHouse(env);
    try {
      const ran = await applyClickHouseMigrations(ch);
      step(`${describeClickHouse(env)}: ${ran.length ? `applied ${ran.join(", ")}` : "schema up to date"}`);
      if (env.PANTAU_DEMO) {
        const db = createPrisma(conn);
        try {
          if (await seedDemo(db)) step("demo data loaded (accounts: see README)");
          if ((await db.employee.count()) === 0) {
            // Two years of realistic history for the demo region, loaded through the real ETL.
            const end = todayNumber() - 1;
            const outDir = path.join(env.dataDir, "demo-files");
            const history = {
              seed: 1,
              employees: env.PANTAU_DEMO_EMPLOYEES,
              start: isoDay(end - 729),
              end: isoDay(end),
            };
            const truth = await generate(db, { ...history, outDir });
            // `npm run etl:generate -- --seed 1 --employees <n>` later continues this history day by day
            recordGenerated(env.dataDir, history);
            step(
              `demo history generated: ${truth.employees} employees, ${truth.requests.submitted} requests, ${truth.written.files.length} export files`,
            );
            const result = await runEtl(
              { db, ch, dataDir: env.dataDir },
              {
                trigger: "demo",
                files: truth.written.files.map((f) => ({ path: f })),
                lagMs: 0,
                workers: Math.min(2, os.availableParallelism()),
              },
            );
            step(
              `ETL loaded ${Object.values(result.rows).reduce((a, b) => a + b, 0)} rows into ${describeClickHouse(env)}`,
            );
          }
          if (await linkDemoEmployee(db)) step("demo employee account linked to its employee record");
          const report = await seedDemoReport(db, ch, today());
          if (report) step(`demo transparency report published: /laporan/demo/${report}`);
          if (await seedServicePoints(db)) step("demo survey links: /survei/loket-bkpsdm, /survei/loket-cuti");
        } finally {
          await db.$disconnect();
        }
      } else {
        // A real region's first start: no accounts yet, so the console (which only the operator sees)
        // gets a one-time link for the first administrator; a new one at every start until one exists.
        const db = createPrisma(conn);
        try {
          const issued = await issueSetupToken(db);
          if (issued)
            log(
              `[pantau] first administrator: open ${publicBase(env)}/aktivasi/${issued.token} (valid ${SETUP_TOKEN_HOURS} h)`,
            );
        } finally {
          await db.$disconnect();
        }
      }
    } finally {
      await ch.close();
    }
  } finally {
    await conn.close();
    releaseDataDir(env.dataDir);
  }
}
