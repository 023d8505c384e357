// The one place that opens a relational connection: PostgreSQL when a URL is given,
// otherwise embedded PGlite in the data folder.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { acquireDataDir } from "../data-dir";

export type RelationalTarget =
  { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string } | { kind: "pglite-memory" };

export interface RelationalConnection {
  target: RelationalTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** For the schema engine: one connection, so its advisory lock and unlock use the same session. */
  migrationFactory?: SqlMigrationAwareDriverAdapterFactory;
  /** The embedded engine itself, for a consistent backup while it runs (src/server/backup.ts). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export function relationalTarget(env: { DATABASE_URL?: string; dataDir: string }): RelationalTarget {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.dataDir };
}

export async function openRelational(target: RelationalTarget): Promise<RelationalConnection> {
  if (target.kind === "postgres") {
    const factory = new PrismaPg({ connectionString: target.url, max: 10 });
    const migrationFactory = new WholeScriptPrismaPg({ connectionString: target.url, max: 1 });
    return { target, factory, migrationFactory, close: async () => {} };
  }
  let pglite: PGlite;
  if (target.kind === "pglite") {
    acquireDataDir(target.dataDir);
    pglite = await PGlite.create(path.join(target.dataDir, "pglite"));
  } else {
    pglite = await PGlite.create();
  }
  return { target, factory: new PrismaPGlite(pglite), pglite, close: () => pglite.close() };
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it at every ";", which breaks a PL/pgSQL
 * function body ($$ … ; … $$) and a ";" in a comment. PostgreSQL itself runs a whole multi-statement
 * script as one simple query (atomically), as PGlite does: migrations here are sent whole.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    return wholeScripts(await super.connect());
  }
  override async connectToShadowDb() {
    return wholeScripts(await super.connectToShadowDb());
  }
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function wholeScripts<A extends PgAdapter>(adapter: A): A {
  const pool = adapter.underlyingDriver() as { query(sql: string): Promise<unknown> };
  const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (e) {
      onError(e);
    }
  };
  return adapter;
}

export function describeTarget(target: RelationalTarget): string {
  if (target.kind === "postgres") {
    const u = new URL(target.url);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return target.kind === "pglite" ? `PGlite ${path.join(target.dataDir, "pglite")}` : "PGlite (memory)";
}
