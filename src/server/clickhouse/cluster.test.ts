import { describe, expect, it } from "vitest";
import { splitStatements, toClusterStatement } from "./cluster";

describe("toClusterStatement", () => {
  it("adds ON CLUSTER and replicates MergeTree engines", () => {
    const sql = "CREATE TABLE IF NOT EXISTS dim_unit (id String, v UInt64) ENGINE = ReplacingMergeTree(v) ORDER BY id";
    expect(toClusterStatement(sql, "pantau")).toBe(
      "CREATE TABLE IF NOT EXISTS dim_unit ON CLUSTER pantau (id String, v UInt64) ENGINE = ReplicatedReplacingMergeTree(v) ORDER BY id",
    );
  });

  it("handles engines without arguments, materialized views and ALTER", () => {
    expect(toClusterStatement("CREATE TABLE t (a UInt8) ENGINE = MergeTree ORDER BY a", "c1")).toBe(
      "CREATE TABLE t ON CLUSTER c1 (a UInt8) ENGINE = ReplicatedMergeTree() ORDER BY a",
    );
    expect(toClusterStatement("CREATE MATERIALIZED VIEW IF NOT EXISTS mv TO agg AS SELECT 1", "c1")).toBe(
      "CREATE MATERIALIZED VIEW IF NOT EXISTS mv ON CLUSTER c1 TO agg AS SELECT 1",
    );
    expect(toClusterStatement("ALTER TABLE t ADD COLUMN b UInt8", "c1")).toBe(
      "ALTER TABLE t ON CLUSTER c1 ADD COLUMN b UInt8",
    );
    expect(
      toClusterStatement(
        "CREATE TABLE a (x AggregateFunction(sum, UInt64)) ENGINE = AggregatingMergeTree ORDER BY tuple()",
        "c1",
      ),
    ).toContain("ENGINE = ReplicatedAggregatingMergeTree()");
  });

  it("leaves replicated engines, existing ON CLUSTER and Distributed alone", () => {
    const s = "CREATE TABLE t ON CLUSTER c1 (a UInt8) ENGINE = ReplicatedMergeTree() ORDER BY a";
    expect(toClusterStatement(s, "c1")).toBe(s);
    expect(toClusterStatement("CREATE TABLE d AS t ENGINE = Distributed(c1, db, t, rand())", "c1")).toBe(
      "CREATE TABLE d ON CLUSTER c1 AS t ENGINE = Distributed(c1, db, t, rand())",
    );
  });

  it("refuses a cluster name that is not an identifier", () => {
    expect(() => toClusterStatement("CREATE TABLE t (a UInt8) ENGINE = MergeTree ORDER BY a", "c1; DROP")).toThrow(
      /Invalid cluster/,
    );
  });
});

describe("splitStatements", () => {
  it("splits on semicolons outside quotes and drops comments", () => {
    const sql =
      "-- a comment; with a semicolon\nCREATE TABLE a (s String DEFAULT 'x;y') ENGINE = Log;\n\nSELECT 'it\\'s; fine';\n";
    expect(splitStatements(sql)).toEqual([
      "CREATE TABLE a (s String DEFAULT 'x;y') ENGINE = Log",
      "SELECT 'it\\'s; fine'",
    ]);
  });
});
