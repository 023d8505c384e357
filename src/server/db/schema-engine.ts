// Offline migrations: Prisma's schema engine compiled to WebAssembly, driven over a driver adapter.
// Prisma's CLI would download a native engine binary, which a closed network cannot fetch; the wasm
// engine does the same work (apply, diff, create, reset) through the same adapters the app uses.
// Migrations stay in Prisma's standard folder format, so `prisma migrate deploy` still works.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type * as Engine from "@prisma/schema-engine-wasm";

export type MigrationList = Engine.MigrationList;

const require = createRequire(import.meta.url);
const noFilter: Engine.SchemaFilter = { externalTables: [], externalEnums: [] };

let engineModule: Promise<typeof Engine> | undefined;

/** Loads the wasm module by hand so no `--experimental-wasm-modules` flag is needed in any runner. */
function loadEngineModule(): Promise<typeof Engine> {
  engineModule ??= (async () => {
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(/* webpackIgnore: true */ pathToFileURL(bgPath).href)) as typeof Engine & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return engineModule;
}

export async function readMigrationsList(baseDir: string): Promise<MigrationList> {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories: Engine.MigrationDirectory[] = [];
  for (const name of dirs) {
    const file = path.join(baseDir, name, "migration.sql");
    const content: Engine.JsResult<string, string> = await readFile(file, "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (err: Error) => ({ tag: "error" as const, value: err.message }),
    );
    migrationDirectories.push({ path: name, migrationFile: { path: "migration.sql", content } });
  }
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

type Connection = Awaited<ReturnType<SqlMigrationAwareDriverAdapterFactory["connect"]>>;

/**
 * The engine never disposes the connections it opens. On PostgreSQL its migration advisory lock is
 * held by the session until that connection closes, so a second run in the same process waited for
 * the pool's 10-second idle timeout (and timed out under load): every connection is closed with the session.
 */
function tracked(
  factory: SqlMigrationAwareDriverAdapterFactory,
  opened: Connection[],
): SqlMigrationAwareDriverAdapterFactory {
  const keep = async (c: Promise<Connection>) => {
    const conn = await c;
    opened.push(conn);
    return conn;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => keep(factory.connect()),
    connectToShadowDb: () => keep(factory.connectToShadowDb()),
  };
}

export class SchemaEngineSession {
  private constructor(
    private readonly engine: Engine.SchemaEngine,
    private readonly opened: Connection[],
    readonly logs: string[],
  ) {}

  static async open(factory: SqlMigrationAwareDriverAdapterFactory, schema?: { path: string; content: string }) {
    const mod = await loadEngineModule();
    const logs: string[] = [];
    const opened: Connection[] = [];
    const engine = await mod.SchemaEngine.new(
      { datamodels: schema ? [[schema.path, schema.content]] : undefined },
      (line: string) => logs.push(line),
      bindMigrationAwareSqlAdapterFactory(tracked(factory, opened)),
    );
    return new SchemaEngineSession(engine, opened, logs);
  }

  async applyMigrations(list: MigrationList): Promise<string[]> {
    const out = await this.engine.applyMigrations({ migrationsList: list, filters: noFilter });
    return out.appliedMigrationNames;
  }

  async diagnose(list: MigrationList) {
    return this.engine.diagnoseMigrationHistory({
      migrationsList: list,
      optInToShadowDatabase: false,
      filters: noFilter,
    });
  }

  /** SQL that takes a database built from `list` to `schema` (null when nothing differs). */
  async diffMigrationsToSchema(list: MigrationList, schema: { path: string; content: string }): Promise<string | null> {
    const result = await this.engine.diff({
      from: { tag: "migrations", ...list },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    return result.exitCode === 2 ? result.stdout : null;
  }

  async reset(): Promise<void> {
    await this.engine.reset({ filter: noFilter });
  }

  async close(): Promise<void> {
    this.engine.free();
    await Promise.all(this.opened.splice(0).map((c) => c.dispose()));
  }
}
