import { env } from "@/env";
import { describeTarget, relationalTarget } from "./db/adapter";
import { describeClickHouse } from "./clickhouse/open";

export interface StoreHealth {
  ok: boolean;
  target: string;
  ms: number;
  error?: string;
}

async function timed(target: string, check: () => Promise<unknown>): Promise<StoreHealth> {
  const start = performance.now();
  try {
    await check();
    return { ok: true, target, ms: Math.round(performance.now() - start) };
  } catch (err) {
    return {
      ok: false,
      target,
      ms: Math.round(performance.now() - start),
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

/** Checks both stores with a real round trip each. */
export async function checkHealth() {
  const e = env();
  const [{ getDb }, { getClickHouse }] = await Promise.all([import("./db"), import("./clickhouse")]);
  const [relational, analytics] = await Promise.all([
    timed(describeTarget(relationalTarget(e)), async () => (await getDb()).$queryRaw`SELECT 1`),
    timed(describeClickHouse(e), async () => {
      if (!(await (await getClickHouse()).ping())) throw new Error("ping failed");
    }),
  ]);
  return { status: relational.ok && analytics.ok ? ("ok" as const) : ("degraded" as const), relational, analytics };
}
