// For the crash test: how many service requests carry this reason, read from the (stopped) server's
// relational store named by the environment (PANTAU_DATA_DIR or DATABASE_URL).
import { envOrExit } from "@/env";
import { openRelational, relationalTarget } from "@/server/db/adapter";
import { createPrisma } from "@/server/db/client";

const reason = process.argv[2] ?? "";
const conn = await openRelational(relationalTarget(envOrExit()));
const db = createPrisma(conn);
const rows = await db.$queryRawUnsafe<{ n: number }[]>(
  `SELECT count(*)::int AS n FROM "ServiceRequest" WHERE details->>'reason' = $1`,
  reason,
);
console.log(`REQUESTS ${rows[0]?.n ?? 0}`);
await db.$disconnect();
await conn.close();
process.exit(0);
