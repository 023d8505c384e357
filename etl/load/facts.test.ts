// The fact tables' declaration (facts.ts) against the tables the ClickHouse migrations create: the same
// columns, nothing left out on either side, the stored columns with the types file() reads them as.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyClickHouseMigrations } from "@/server/clickhouse/migrate";
import { openTestChdb } from "@/test/stores";
import { BATCH_COLUMN, FACTS } from "./facts";

/** A chunk file holds plain text: the table may keep a column as LowCardinality of the same type. */
const plain = (type: string) => type.replace(/^LowCardinality\((.*)\)$/, "$1");

describe("fact tables declared once (chDB)", () => {
  let store: Awaited<ReturnType<typeof openTestChdb>>;
  beforeAll(async () => {
    store = await openTestChdb();
    await applyClickHouseMigrations(store.ch);
  });
  afterAll(() => store.close());

  for (const [kind, fact] of Object.entries(FACTS)) {
    it(`${kind}: ${fact.table} has exactly the declared columns and types`, async () => {
      const rows = await store.ch.query<{ name: string; type: string }>(
        "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = {table:String} ORDER BY position",
        { table: fact.table },
      );
      const actual = new Map(rows.map((r) => [r.name, plain(r.type)]));
      const declared = new Map([BATCH_COLUMN, ...fact.stored, ...fact.derived]);
      expect([...actual.keys()].sort()).toEqual([...declared.keys()].sort());
      for (const [name, type] of declared) expect(actual.get(name), name).toBe(type);
    });
  }
});
