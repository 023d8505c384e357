// One behaviour suite for every ClickHouse driver: run against chDB always, and against a
// ClickHouse server when TEST_CLICKHOUSE_URL is set.
import { mkdtempSync, writeFileSync, cpSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { applyClickHouseMigrations, appliedClickHouseMigrations, CH_MIGRATIONS_DIR } from "./migrate";
import { ClickHouseQueryError, type ClickHouse } from "./types";

export function clickhouseContract(name: string, open: () => Promise<{ ch: ClickHouse; close(): Promise<void> }>) {
  describe(`ClickHouse driver: ${name}`, () => {
    let ch: ClickHouse;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ ch, close } = await open());
    });
    afterAll(() => close?.());

    it("applies the migrations once, then nothing", async () => {
      const first = await applyClickHouseMigrations(ch);
      expect(first).toContain("0001_dimensions.sql");
      expect(await applyClickHouseMigrations(ch)).toEqual([]);
      const applied = await appliedClickHouseMigrations(ch);
      expect(applied.map((m) => m.version)).toContain(1);
      const tables = await ch.query<{ name: string }>("SELECT name FROM system.tables WHERE database = {db:String}", {
        db: ch.database,
      });
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(["dim_unit", "dim_region", "schema_migrations"]),
      );
    });

    it("refuses a migration edited after it was applied, and applies a new one", async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "pantau-chmig-"));
      cpSync(CH_MIGRATIONS_DIR, dir, { recursive: true });
      writeFileSync(
        path.join(dir, "0900_probe.sql"),
        "CREATE TABLE IF NOT EXISTS probe (a UInt8) ENGINE = MergeTree ORDER BY a;\n",
      );
      expect(await applyClickHouseMigrations(ch, { dir })).toEqual(["0900_probe.sql"]);
      writeFileSync(
        path.join(dir, "0900_probe.sql"),
        "CREATE TABLE IF NOT EXISTS probe (a UInt16) ENGINE = MergeTree ORDER BY a;\n",
      );
      await expect(applyClickHouseMigrations(ch, { dir })).rejects.toThrow(
        /0900_probe.sql was changed after it was applied/,
      );
      await ch.command("DROP TABLE IF EXISTS probe");
    });

    it("binds typed parameters, never splicing text into SQL", async () => {
      const hostile = "Dinas 'Pendidikan'; DROP TABLE dim_unit; --";
      await ch.insert("dim_unit", [
        {
          unit_id: "u1",
          region_id: "r1",
          parent_id: null,
          code: "A",
          name: hostile,
          path: ["u1"],
          active: true,
          version: 1,
        },
        {
          unit_id: "u2",
          region_id: "r1",
          parent_id: "u1",
          code: "B",
          name: "Puskesmas",
          path: ["u1", "u2"],
          active: false,
          version: 1,
        },
      ]);
      const rows = await ch.query(
        "SELECT unit_id, name, path, active FROM dim_unit WHERE name = {name:String} AND has(path, {root:String}) AND version >= {v:UInt64}",
        { name: hostile, root: "u1", v: 1 },
      );
      expect(rows).toEqual([{ unit_id: "u1", name: hostile, path: ["u1"], active: true }]);
      const [count] = await ch.query<{ n: number }>(
        "SELECT count() AS n FROM dim_unit WHERE unit_id IN {ids:Array(String)}",
        { ids: ["u1", "u2", "x"] },
      );
      expect(count!.n).toBe(2); // a 64-bit count arrives as a number on both drivers
      const [d] = await ch.query<{ d: string; next: string }>("SELECT {d:Date} AS d, toString({d:Date} + 1) AS next", {
        d: "2026-12-31",
      });
      expect(d).toEqual({ d: "2026-12-31", next: "2027-01-01" });
    });

    it("checks rows with a zod schema when given one", async () => {
      const schema = z.object({ unit_id: z.string(), active: z.boolean() });
      const rows = await ch.query("SELECT unit_id, active FROM dim_unit ORDER BY unit_id", {}, schema);
      expect(rows.map((r) => r.unit_id)).toEqual(["u1", "u2"]);
      await expect(ch.query("SELECT 1 AS unit_id, 2 AS active", {}, schema)).rejects.toThrow();
    });

    it("inserts many rows in batches and replaces by version", async () => {
      const rows = Array.from({ length: 120_000 }, (_, i) => ({
        unit_id: `bulk-${i}`,
        region_id: "r2",
        parent_id: null,
        code: `B${i}`,
        name: `Unit ${i}`,
        path: [`bulk-${i}`],
        active: true,
        version: 1,
      }));
      expect(await ch.insert("dim_unit", rows)).toEqual({ rows: 120_000 });
      await ch.insert("dim_unit", [{ ...rows[0]!, name: "Renamed", version: 2 }]);
      const [r] = await ch.query<{ n: number; name: string }>(
        "SELECT count() AS n, (SELECT argMax(name, version) FROM dim_unit WHERE unit_id = 'bulk-0') AS name FROM (SELECT unit_id FROM dim_unit FINAL WHERE region_id = {r:String})",
        { r: "r2" },
      );
      expect(r).toEqual({ n: 120_000, name: "Renamed" });
    });

    it("reports bad SQL as a ClickHouseQueryError with the statement", async () => {
      const err = await ch.query("SELECT no_such_column FROM dim_unit").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClickHouseQueryError);
      expect((err as ClickHouseQueryError).sql).toContain("no_such_column");
      expect(await ch.ping()).toBe(true); // the connection survives
    });
  });
}
