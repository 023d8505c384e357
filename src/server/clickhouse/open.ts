import { ChdbClickHouse } from "./chdb";
import { HttpClickHouse } from "./http";
import type { ClickHouse } from "./types";

export interface ClickHouseEnv {
  CLICKHOUSE_URL?: string;
  CLICKHOUSE_USER: string;
  CLICKHOUSE_PASSWORD: string;
  CLICKHOUSE_DATABASE: string;
  CLICKHOUSE_CLUSTER?: string;
  dataDir: string;
}

/** chDB in the data folder unless CLICKHOUSE_URL names a server. */
export function openClickHouse(env: ClickHouseEnv): Promise<ClickHouse> {
  if (env.CLICKHOUSE_URL) {
    return HttpClickHouse.open({
      url: env.CLICKHOUSE_URL,
      username: env.CLICKHOUSE_USER,
      password: env.CLICKHOUSE_PASSWORD,
      database: env.CLICKHOUSE_DATABASE,
      cluster: env.CLICKHOUSE_CLUSTER,
    });
  }
  return ChdbClickHouse.open({ dataDir: env.dataDir, database: env.CLICKHOUSE_DATABASE });
}

export function describeClickHouse(env: ClickHouseEnv): string {
  if (env.CLICKHOUSE_URL) {
    const u = new URL(env.CLICKHOUSE_URL);
    return `ClickHouse ${u.host}/${env.CLICKHOUSE_DATABASE}${env.CLICKHOUSE_CLUSTER ? ` (cluster ${env.CLICKHOUSE_CLUSTER})` : ""}`;
  }
  return `chDB ${env.dataDir}/chdb`;
}
