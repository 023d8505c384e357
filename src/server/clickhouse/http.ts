// A ClickHouse server or cluster over HTTP(S) through the official client.
import { Readable } from "node:stream";
import { createClient, type ClickHouseClient } from "@clickhouse/client";
import type { z } from "zod";
import {
  batches,
  batchSettings,
  ClickHouseQueryError,
  COMMON_SETTINGS,
  parseRows,
  type ClickHouse,
  type InsertOptions,
  type QueryParams,
  type Settings,
} from "./types";

export interface HttpOptions {
  url: string;
  username: string;
  password: string;
  database: string;
  cluster?: string;
  /** Request timeout in ms. */
  timeoutMs?: number;
}

/** The client configuration for a Pantau deployment: kept apart so it can be tested without a server. */
export function httpClientConfig(opts: HttpOptions) {
  return {
    url: opts.url,
    username: opts.username,
    password: opts.password,
    database: opts.database,
    application: "pantau",
    request_timeout: opts.timeoutMs ?? 60_000,
    clickhouse_settings: { ...COMMON_SETTINGS, wait_end_of_query: 1 } as Record<string, string | number>,
  };
}

export class HttpClickHouse implements ClickHouse {
  readonly kind = "http" as const;
  private constructor(
    private client: ClickHouseClient,
    readonly database: string,
    readonly cluster: string | undefined,
  ) {}

  /** `ensureDatabase` creates the database first through a client bound to `default`. */
  static async open(opts: HttpOptions, ensureDatabase = true): Promise<HttpClickHouse> {
    if (ensureDatabase) {
      const bootstrap = createClient({ ...httpClientConfig(opts), database: "default" });
      try {
        const onCluster = opts.cluster ? ` ON CLUSTER ${opts.cluster}` : "";
        await bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS ${opts.database}${onCluster}` });
      } finally {
        await bootstrap.close();
      }
    }
    return new HttpClickHouse(createClient(httpClientConfig(opts)), opts.database, opts.cluster);
  }

  async query<T = Record<string, unknown>>(sql: string, params: QueryParams = {}, schema?: z.ZodType<T>): Promise<T[]> {
    try {
      const rs = await this.client.query({ query: sql, query_params: params, format: "JSONEachRow" });
      return parseRows(await rs.json<unknown>(), schema);
    } catch (err) {
      throw new ClickHouseQueryError(err instanceof Error ? err.message : String(err), sql, { cause: err });
    }
  }

  async insert(table: string, rows: readonly Record<string, unknown>[], options: InsertOptions = {}) {
    let written = 0;
    let index = 0;
    for (const batch of batches(rows)) {
      try {
        await this.client.insert({
          table,
          values: batch as Record<string, unknown>[],
          format: "JSONEachRow",
          columns: options.columns ? ([...options.columns] as [string, ...string[]]) : undefined,
          clickhouse_settings: batchSettings(options.settings, index++) as Record<string, string | number>,
        });
      } catch (err) {
        throw new ClickHouseQueryError(err instanceof Error ? err.message : String(err), `INSERT INTO ${table}`, {
          cause: err,
        });
      }
      written += batch.length;
    }
    return { rows: written };
  }

  async insertTabSeparated(table: string, data: string, options: InsertOptions & { columns: readonly string[] }) {
    if (!data) return;
    try {
      await this.client.insert({
        table,
        values: Readable.from([data]),
        format: "TabSeparated",
        columns: [...options.columns] as [string, ...string[]],
        clickhouse_settings: options.settings as Record<string, string | number>,
      });
    } catch (err) {
      throw new ClickHouseQueryError(err instanceof Error ? err.message : String(err), `INSERT INTO ${table}`, {
        cause: err,
      });
    }
  }

  async command(sql: string, params: QueryParams = {}, settings: Settings = {}) {
    try {
      await this.client.command({
        query: sql,
        query_params: params,
        clickhouse_settings: settings as Record<string, string | number>,
      });
    } catch (err) {
      throw new ClickHouseQueryError(err instanceof Error ? err.message : String(err), sql, { cause: err });
    }
  }

  async ping() {
    return (await this.client.ping()).success;
  }

  async close() {
    await this.client.close();
  }
}
