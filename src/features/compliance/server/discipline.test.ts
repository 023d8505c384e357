// The discipline watch on real engines: default thresholds kept by the start-up step, the standing an
// employee reaches (up to discharge), runs across weekends and holidays, and the year boundary.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PP94_THRESHOLDS } from "@/lib/domain/discipline";
import type { Db } from "@/server/db/client";
import { MIGRATIONS_DIR } from "@/server/db/migrate";
import { openTestDb, relationalKinds } from "@/test/stores";
import { ensureDefaultThresholds, thresholdsOf } from "./discipline";

describe.each(relationalKinds)("discipline thresholds (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const t = await openTestDb(kind);
    db = t.db;
    close = t.close;
  });
  afterAll(async () => close());

  it("adds the tiers the database lacks at start-up and keeps what HR edited", async () => {
    // the old migration seeded seven tiers; the code adds the heavy ones of Pasal 11
    expect(await ensureDefaultThresholds(db)).toEqual(["TURUN_JABATAN_12", "BEBAS_JABATAN_12", "PEMBERHENTIAN_KUMULATIF"]);
    expect((await thresholdsOf(db)).map((t) => t.code).sort()).toEqual(PP94_THRESHOLDS.map((t) => t.code).sort());
    // HR moved one tier and the row of another is gone: the next start restores only the missing one
    await db.disciplineThreshold.update({ where: { code: "TEGURAN_LISAN" }, data: { minDays: 2 } });
    await db.disciplineThreshold.delete({ where: { code: "BEBAS_JABATAN_12" } });
    expect(await ensureDefaultThresholds(db)).toEqual(["BEBAS_JABATAN_12"]);
    expect(await ensureDefaultThresholds(db)).toEqual([]);
    const rows = await thresholdsOf(db);
    expect(rows.find((t) => t.code === "TEGURAN_LISAN")?.minDays).toBe(2);
    expect(rows.find((t) => t.code === "BEBAS_JABATAN_12")).toMatchObject({ minDays: 25, consecutive: false, labelEn: "Release from the post to an executor post for 12 months" });
  });
});

it("the migration's old seed agrees with the code, so the code is the one source", () => {
  // an applied migration cannot change; what it seeded must be what PP94_THRESHOLDS says for those codes
  const sql = readFileSync(path.join(MIGRATIONS_DIR, "20261125220842_compliance_reports", "migration.sql"), "utf8");
  const seeded = [...sql.matchAll(/\('pp94-[a-z_0-9]+', '([A-Z_0-9]+)', (\d+), (true|false), '([^']+)', '([^']+)'/g)].map((m) => ({ code: m[1], minDays: Number(m[2]), consecutive: m[3] === "true", labelId: m[4], labelEn: m[5] }));
  expect(seeded).toHaveLength(7);
  for (const s of seeded) expect(PP94_THRESHOLDS.find((t) => t.code === s.code)).toEqual(s);
});
