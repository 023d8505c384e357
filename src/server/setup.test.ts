import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";
import { tempDir } from "@/test/stores";
import { readLock } from "./data-dir";
import { openRelational } from "./db/adapter";
import { createPrisma } from "./db/client";
import { DEMO_USERS } from "./demo/seed";
import { setupStores } from "./setup";

describe("first start on the embedded defaults", () => {
  it("migrates both stores and loads the demo once; a second start changes nothing", async () => {
    const tmp = tempDir();
    try {
      const env = parseEnv({ PANTAU_DATA_DIR: tmp.dir, PANTAU_DEMO_EMPLOYEES: "30" });
      const first: string[] = [];
      await setupStores(env, (l) => first.push(l));
      expect(first.join("\n")).toMatch(/PGlite .*: applied \d+_init/);
      expect(first.join("\n")).toMatch(/chDB .*: applied 0001_dimensions.sql/);
      expect(first.join("\n")).toContain("demo data loaded");
      expect(first.join("\n")).toMatch(/demo history generated: 30 employees/);
      expect(first.join("\n")).toMatch(/ETL loaded \d+ rows/);
      expect(readLock(tmp.dir)).toBeNull(); // released for the web server

      const second: string[] = [];
      await setupStores(env, (l) => second.push(l));
      expect(second.join("\n")).not.toMatch(/applied|demo data loaded|generated/);

      const conn = await openRelational({ kind: "pglite", dataDir: tmp.dir });
      const db = createPrisma(conn);
      expect((await db.user.findMany()).map((u) => u.username).sort()).toEqual(
        DEMO_USERS.map((u) => u.username).sort(),
      );
      // 30 generated and the demo employee account's own record
      expect(await db.employee.count()).toBe(31);
      const pegawai = await db.user.findUniqueOrThrow({
        where: { username: "pegawai" },
        include: { employee: { include: { unit: true } } },
      });
      expect([pegawai.employee?.name, pegawai.employee?.unit.code]).toEqual(["Rina Marlina, S.Pd.", "DISDIK-SMP1"]);
      expect(await db.publicReport.count({ where: { status: "PUBLISHED" } })).toBe(1);
      expect(await db.etlRun.count({ where: { status: "SUCCEEDED", trigger: "demo" } })).toBe(1);
      expect(await db.importBatch.count({ where: { status: "LOADED" } })).toBeGreaterThan(40);
      await db.$disconnect();
      await conn.close();
    } finally {
      tmp.remove();
    }
  });
});
