// The one place that opens a relational connection: PostgreSQL when a URL is given,
// otherwise embedded PGlite in the data folder.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { acquireDataDir } from "../data-dir";

export type RelationalTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory" };

export interface RelationalConnection {
  target: RelationalTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export function relationalTarget(env: { DATABASE_URL?: string; dataDir: string }): RelationalTarget {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.dataDir };
}

export async function openRelational(target: RelationalTarget): Promise<RelationalConnection> {
  if (target.kind === "postgres") {
    const factory = new PrismaPg({ connectionString: target.url, max: 10 });
    return { target, factory, close: async () => {} };
  }
  let pglite: PGlite;
  if (target.kind === "pglite") {
    acquireDataDir(target.dataDir);
    pglite = await PGlite.create(path.join(target.dataDir, "pglite"));
  } else {
    pglite = await PGlite.create();
  }
  return { target, factory: new PrismaPGlite(pglite), close: () => pglite.close() };
}

export function describeTarget(target: RelationalTarget): string {
  if (target.kind === "postgres") {
    const u = new URL(target.url);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return target.kind === "pglite" ? `PGlite ${path.join(target.dataDir, "pglite")}` : "PGlite (memory)";
}
