// Embedded ClickHouse: chDB runs the real engine inside this process, data in <dataDir>/chdb.
// The engine holds the folder for the whole process (and locks it against other processes).
import path from "node:path";
import type { z } from "zod";
import { acquireDataDir } from "../data-dir";
import {
  batches,
  batchSettings,
  ClickHouseQueryError,
  COMMON_SETTINGS,
  parseRows,
  toJsonEachRow,
  type ClickHouse,
  type InsertOptions,
  type QueryParams,
  type Settings,
} from "./types";

type ChdbModule = typeof import("chdb");
type Session = InstanceType<ChdbModule["Session"]>;

function settingsClause(settings: Settings): string {
  const parts = Object.entries(settings).map(([k, v]) => {
    if (!/^[a-z_][a-z0-9_]*$/i.test(k)) throw new Error(`Invalid setting name ${k}`);
    const value =
      typeof v === "string"
        ? `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`
        : typeof v === "boolean"
          ? Number(v)
          : v;
    return `${k} = ${value}`;
  });
  return parts.length ? ` SETTINGS ${parts.join(", ")}` : "";
}

export class ChdbClickHouse implements ClickHouse {
  readonly kind = "chdb" as const;
  readonly cluster = undefined;
  private constructor(
    private session: Session,
    readonly database: string,
    readonly folder: string,
  ) {}

  static async open(opts: { dataDir: string; database: string }): Promise<ChdbClickHouse> {
    acquireDataDir(opts.dataDir);
    const { Session } = (await import("chdb")) as ChdbModule;
    const folder = path.join(opts.dataDir, "chdb");
    const session = new Session(folder, {
      connectionArgs: ["--async_load_databases=0", ...Object.entries(COMMON_SETTINGS).map(([k, v]) => `--${k}=${v}`)],
    });
    session.query(`CREATE DATABASE IF NOT EXISTS ${opts.database}`);
    session.query(`USE ${opts.database}`);
    return new ChdbClickHouse(session, opts.database, folder);
  }

  async query<T = Record<string, unknown>>(sql: string, params: QueryParams = {}, schema?: z.ZodType<T>): Promise<T[]> {
    try {
      const result = await this.session.queryBindAsync(sql, params, { format: "JSONEachRow" });
      const text = result.text();
      const rows: unknown[] = [];
      for (const line of text.split("\n")) if (line) rows.push(JSON.parse(line));
      return parseRows(rows, schema);
    } catch (err) {
      throw new ClickHouseQueryError(errorMessage(err), sql, { cause: err });
    }
  }

  async insert(table: string, rows: readonly Record<string, unknown>[], options: InsertOptions = {}) {
    if (rows.length === 0) return { rows: 0 };
    const columns = options.columns ?? Object.keys(rows[0]!);
    let written = 0;
    let index = 0;
    for (const batch of batches(rows)) {
      try {
        await this.session.insert({
          table,
          values: Buffer.from(toJsonEachRow(batch)),
          format: "JSONEachRow",
          columns,
          settings: batchSettings(options.settings, index++),
        });
      } catch (err) {
        throw new ClickHouseQueryError(errorMessage(err), `INSERT INTO ${table}`, { cause: err });
      }
      written += batch.length;
    }
    return { rows: written };
  }

  async insertTabSeparated(table: string, data: string, options: InsertOptions & { columns: readonly string[] }) {
    if (!data) return;
    try {
      await this.session.insert({
        table,
        values: Buffer.from(data),
        format: "TabSeparated",
        columns: options.columns,
        settings: options.settings,
      });
    } catch (err) {
      throw new ClickHouseQueryError(errorMessage(err), `INSERT INTO ${table}`, { cause: err });
    }
  }

  async command(sql: string, params: QueryParams = {}, settings: Settings = {}) {
    try {
      await this.session.queryBindAsync(sql + settingsClause(settings), params, { format: "Null" });
    } catch (err) {
      throw new ClickHouseQueryError(errorMessage(err), sql, { cause: err });
    }
  }

  async ping() {
    try {
      await this.session.queryAsync("SELECT 1", { format: "Null" });
      return true;
    } catch {
      return false;
    }
  }

  async close() {
    this.session.close();
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
