// The one small interface all Pantau code uses to talk to ClickHouse. Two drivers implement it:
// embedded chDB (default) and a ClickHouse server over HTTP. Both run the same SQL.
// Values always travel as parameters ({name: Type} in the SQL); user text is never spliced in.
import type { z } from "zod";

export type QueryParams = Record<string, unknown>;
export type Settings = Record<string, string | number | boolean>;

export interface InsertOptions {
  /** Columns to insert (default: the keys of the first row). */
  columns?: readonly string[];
  /** Per-insert settings, e.g. insert_deduplication_token for idempotent re-loads. */
  settings?: Settings;
}

export interface ClickHouse {
  readonly kind: "chdb" | "http";
  readonly database: string;
  /** Cluster name when configured (server only): DDL runs ON CLUSTER with replicated engines. */
  readonly cluster: string | undefined;
  /** Runs a SELECT and returns its rows; with a zod schema the rows are checked and typed by it. */
  query<T = Record<string, unknown>>(sql: string, params?: QueryParams, schema?: z.ZodType<T>): Promise<T[]>;
  /** Inserts rows in batches (one INSERT per batch, JSONEachRow). */
  insert(table: string, rows: readonly Record<string, unknown>[], options?: InsertOptions): Promise<{ rows: number }>;
  /**
   * Inserts text already in TabSeparated form (one row per line, columns in the given order) as one
   * INSERT: the ETL's fast path, and one deduplication unit when settings carry a token.
   */
  insertTabSeparated(
    table: string,
    data: string,
    options: InsertOptions & { columns: readonly string[] },
  ): Promise<void>;
  /** Runs a statement that returns no rows (DDL, INSERT … SELECT, OPTIMIZE …). */
  command(sql: string, params?: QueryParams, settings?: Settings): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Settings both drivers apply, so results look the same whichever engine answers. */
export const COMMON_SETTINGS: Settings = {
  output_format_json_quote_64bit_integers: 0,
  output_format_json_quote_decimals: 0,
  date_time_input_format: "best_effort",
};

export const INSERT_BATCH_ROWS = 50_000;

export function* batches<T>(rows: readonly T[], size = INSERT_BATCH_ROWS): Generator<readonly T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Settings for the n-th batch of one insert call: a deduplication token gets the batch number, so the
 * batches of one call never deduplicate each other (and a retried call repeats the same tokens).
 */
export function batchSettings(settings: Settings | undefined, index: number): Settings | undefined {
  const token = settings?.insert_deduplication_token;
  if (token === undefined || index === 0) return settings;
  return { ...settings, insert_deduplication_token: `${token}#${index}` };
}

export function toJsonEachRow(rows: readonly Record<string, unknown>[]): string {
  const out: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    let line: string;
    try {
      line = JSON.stringify(rows[i]); // fast path: no replacer
    } catch {
      line = JSON.stringify(rows[i], jsonValue); // a BigInt somewhere
    }
    out[i] = line;
  }
  return out.join("\n") + "\n";
}

function jsonValue(_key: string, value: unknown) {
  if (typeof value === "bigint") return value.toString();
  return value;
}

export function parseRows<T>(rows: unknown[], schema?: z.ZodType<T>): T[] {
  return schema ? rows.map((r) => schema.parse(r)) : (rows as T[]);
}

export class ClickHouseQueryError extends Error {
  constructor(
    message: string,
    readonly sql: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ClickHouseQueryError";
  }
}
