// Employees written M/F before the sex codes became L/P keep their rows and read back L/P, in the
// relational store and in ClickHouse's employee dimension.
import { cpSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyClickHouseMigrations, CH_MIGRATIONS_DIR } from "@/server/clickhouse/migrate";
import { openEmptyRelational, openTestChdb, relationalKinds, tempDir } from "@/test/stores";
import { createPrisma } from "./client";
import { applyMigrations, MIGRATIONS_DIR } from "./migrate";

const GENDER_MIGRATION = "20261204190000_gender_l_p";

describe.each(relationalKinds)("employees' sex codes on %s", (kind) => {
  it("turn M/F into L/P and keep every employee", async () => {
    const conn = await openEmptyRelational(kind);
    const before = tempDir("pantau-migrations-");
    try {
      for (const d of readdirSync(MIGRATIONS_DIR, { withFileTypes: true })) {
        if (d.isDirectory() && d.name >= GENDER_MIGRATION) continue;
        cpSync(path.join(MIGRATIONS_DIR, d.name), path.join(before.dir, d.name), { recursive: true });
      }
      await applyMigrations(conn, before.dir);
      const db = createPrisma(conn);
      await db.$executeRawUnsafe(
        `INSERT INTO "Region" (id, code, name, "updatedAt") VALUES ('r', 'X', 'Kabupaten X', now())`,
      );
      await db.$executeRawUnsafe(
        `INSERT INTO "Unit" (id, "regionId", code, name, "updatedAt") VALUES ('u', 'r', 'U', 'Unit', now())`,
      );
      await db.$executeRawUnsafe(
        `INSERT INTO "Employee" (id, "regionId", "unitId", nip, name, gender, rank, position, "appointedOn", "updatedAt")
         VALUES ('a', 'r', 'u', '198503122010011003', 'A', 'M', 'III/a', 'Analis', '2010-01-01', now()),
                ('b', 'r', 'u', '198503122010012004', 'B', 'F', 'III/a', 'Analis', '2010-01-01', now())`,
      );
      expect(await applyMigrations(conn)).toEqual([GENDER_MIGRATION]);
      const rows = await db.employee.findMany({ orderBy: { id: "asc" }, select: { id: true, gender: true } });
      expect(rows).toEqual([
        { id: "a", gender: "L" },
        { id: "b", gender: "P" },
      ]);
      await db.$disconnect();
    } finally {
      before.remove();
      await conn.close();
    }
  });
});

describe("employees' sex codes in ClickHouse", () => {
  it("turn M/F into L/P in dim_employee", async () => {
    const store = await openTestChdb();
    const before = tempDir("pantau-ch-migrations-");
    try {
      mkdirSync(before.dir, { recursive: true });
      for (const f of readdirSync(CH_MIGRATIONS_DIR)) {
        if (f < "0010") cpSync(path.join(CH_MIGRATIONS_DIR, f), path.join(before.dir, f));
      }
      await applyClickHouseMigrations(store.ch, { dir: before.dir });
      await store.ch.insert("dim_employee", [
        { employee_id: "a", region_id: "r", unit_id: "u", nip: "1", name: "A", gender: "M" },
        { employee_id: "b", region_id: "r", unit_id: "u", nip: "2", name: "B", gender: "F" },
      ]);
      expect(await applyClickHouseMigrations(store.ch)).toEqual(["0010_gender_l_p.sql"]);
      const rows = await store.ch.query<{ employee_id: string; gender: string }>(
        "SELECT employee_id, gender FROM dim_employee FINAL ORDER BY employee_id",
      );
      expect(rows).toEqual([
        { employee_id: "a", gender: "L" },
        { employee_id: "b", gender: "P" },
      ]);
    } finally {
      before.remove();
      await store.close();
    }
  });
});
