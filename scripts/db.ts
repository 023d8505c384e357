// Relational and ClickHouse migrations from the command line, offline.
//   npm run db:migrate            apply pending migrations to both stores
//   npm run db:status             list what is pending
//   npm run db:create -- <name>   write prisma/migrations/<stamp>_<name>/migration.sql from the schema diff
//   npm run db:reset -- --yes     drop everything in the relational store, then migrate again
import { envOrExit } from "../src/env";
import {
  applyClickHouseMigrations,
  appliedClickHouseMigrations,
  readClickHouseMigrations,
} from "../src/server/clickhouse/migrate";
import { openClickHouse } from "../src/server/clickhouse/open";
import { DataDirBusyError } from "../src/server/data-dir";
import { describeTarget, openRelational, relationalTarget } from "../src/server/db/adapter";
import { applyMigrations, createMigration, pendingMigrations, resetDatabase } from "../src/server/db/migrate";
import { setupStores } from "../src/server/setup";

const [command, ...args] = process.argv.slice(2);
const usage = "usage: tsx scripts/db.ts migrate | status | create <name> | reset --yes";

async function main() {
  switch (command) {
    case "create": {
      const name = args.find((a) => !a.startsWith("-"));
      if (!name) throw new Error(`Nama migrasi wajib diisi / a migration name is required.\n${usage}`);
      const dir = await createMigration(name);
      console.log(
        dir
          ? `created ${dir}`
          : "Skema sudah sesuai dengan migrasi / the schema matches the migrations: nothing to create.",
      );
      return;
    }
    case "migrate": {
      await setupStores({ ...envOrExit(), PANTAU_DEMO: false });
      return;
    }
    case "status": {
      const env = envOrExit();
      const target = relationalTarget(env);
      const conn = await openRelational(target);
      try {
        const pending = await pendingMigrations(conn);
        console.log(`${describeTarget(target)}: ${pending.length ? `pending ${pending.join(", ")}` : "up to date"}`);
      } finally {
        await conn.close();
      }
      const ch = await openClickHouse(env);
      try {
        const applied = new Set((await appliedClickHouseMigrations(ch)).map((m) => m.version));
        const pending = (await readClickHouseMigrations()).filter((m) => !applied.has(m.version)).map((m) => m.file);
        console.log(`ClickHouse: ${pending.length ? `pending ${pending.join(", ")}` : "up to date"}`);
      } finally {
        await ch.close();
      }
      return;
    }
    case "reset": {
      if (!args.includes("--yes"))
        throw new Error(
          "Reset menghapus SEMUA data relasional. Ulangi dengan --yes / reset deletes ALL relational data: repeat with --yes.",
        );
      const env = envOrExit();
      const target = relationalTarget(env);
      const conn = await openRelational(target);
      try {
        await resetDatabase(conn);
        console.log(
          `${describeTarget(target)}: reset; applied ${(await applyMigrations(conn)).join(", ") || "nothing"}`,
        );
      } finally {
        await conn.close();
      }
      return;
    }
    case "ch-migrate": {
      const ch = await openClickHouse(envOrExit());
      try {
        console.log(`applied: ${(await applyClickHouseMigrations(ch)).join(", ") || "nothing"}`);
      } finally {
        await ch.close();
      }
      return;
    }
    default:
      throw new Error(usage);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof DataDirBusyError || err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
