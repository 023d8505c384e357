// The app's Prisma client: one per process, opened on first use (never at import time, so
// `next build` does not touch the stores).
import "server-only";
import { env } from "@/env";
import { openRelational, relationalTarget, type RelationalConnection } from "./adapter";
import { createPrisma, type Db } from "./client";

export type { Db } from "./client";

const globalForDb = globalThis as unknown as { pantauDb?: Promise<{ conn: RelationalConnection; db: Db }> };

function opened() {
  globalForDb.pantauDb ??= openRelational(relationalTarget(env())).then((conn) => ({ conn, db: createPrisma(conn) }));
  return globalForDb.pantauDb;
}

export async function getDb(): Promise<Db> {
  return (await opened()).db;
}

/** The process's relational connection (the backup needs the embedded engine itself). */
export async function getRelationalConnection(): Promise<RelationalConnection> {
  return (await opened()).conn;
}
