import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

function problems(source: Record<string, string>) {
  try {
    parseEnv(source);
  } catch (err) {
    if (err instanceof EnvError) return err.problems;
    throw err;
  }
  return [];
}

describe("env", () => {
  it("defaults to the embedded stores in ./.data", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.CLICKHOUSE_URL).toBeUndefined();
    expect(env.dataDir).toMatch(/\.data$/);
    expect(env.CLICKHOUSE_DATABASE).toBe("pantau");
    expect(env.PANTAU_DEMO).toBe(true);
  });

  it("requires NEXTAUTH_SECRET in production and names it", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      { variable: "NEXTAUTH_SECRET", message: "is required in production" },
    ]);
    expect(problems({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) })).toEqual([]);
  });

  it("names each malformed variable", () => {
    const found = problems({
      DATABASE_URL: "mysql://x",
      CLICKHOUSE_URL: "ftp://x",
      CLICKHOUSE_DATABASE: "drop table;",
      LOGIN_MAX_FAILURES: "zero",
      NEXTAUTH_SECRET: "short",
      PANTAU_DEMO: "maybe",
    }).map((p) => p.variable);
    expect(found.sort()).toEqual(
      [
        "CLICKHOUSE_DATABASE",
        "CLICKHOUSE_URL",
        "DATABASE_URL",
        "LOGIN_MAX_FAILURES",
        "NEXTAUTH_SECRET",
        "PANTAU_DEMO",
      ].sort(),
    );
  });

  it("takes PANTAU_TODAY only as a real calendar day", () => {
    for (const bad of ["2026-02-30", "18-11-2026", "2026-11-18T09:00"])
      expect(problems({ PANTAU_TODAY: bad }).map((p) => p.variable)).toEqual(["PANTAU_TODAY"]);
    expect(problems({ PANTAU_TODAY: "2028-02-29" })).toEqual([]);
    expect(
      problems({
        PANTAU_TODAY: "2028-02-29",
        NODE_ENV: "production",
        NEXTAUTH_SECRET: "x".repeat(32),
        PANTAU_DEMO: "0",
      }).map((p) => p.variable),
    ).toEqual(["PANTAU_TODAY"]);
  });

  it("refuses a cluster without a ClickHouse server", () => {
    expect(problems({ CLICKHOUSE_CLUSTER: "main" }).map((p) => p.variable)).toEqual(["CLICKHOUSE_CLUSTER"]);
  });

  it("the error message lists the variables for the operator", () => {
    expect(() => parseEnv({ DATABASE_URL: "nope" })).toThrow(/DATABASE_URL: must be a URL/);
  });
});
