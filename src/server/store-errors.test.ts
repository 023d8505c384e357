import { describe, expect, it } from "vitest";
import { HttpClickHouse } from "./clickhouse/http";
import { isTransientStoreError, LeaseLostError } from "./store-errors";

describe("faults of the stores told from faults of the data", () => {
  it("takes a refused connection, a lost lease and ClickHouse's busy and timeout codes for the stores'", async () => {
    // a ClickHouse server that is not there (nothing listens on port 9)
    const ch = await HttpClickHouse.open(
      { url: "http://127.0.0.1:9", username: "default", password: "", database: "pantau", timeoutMs: 2000 },
      false,
    );
    const err = await ch.query("SELECT 1").then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeTruthy();
    expect(isTransientStoreError(err)).toBe(true);
    await ch.close();
    expect(isTransientStoreError(new LeaseLostError())).toBe(true);
    expect(isTransientStoreError(new Error("Code: 159. DB::Exception: Timeout exceeded"))).toBe(true);
    expect(
      isTransientStoreError(new Error("outer", { cause: new Error("Code: 252. DB::Exception: Too many parts") })),
    ).toBe(true);
  });

  it("takes what ClickHouse says about the rows for the data's", () => {
    expect(
      isTransientStoreError(new Error("Code: 27. DB::Exception: Cannot parse input: expected '\\t' before: 'row'")),
    ).toBe(false);
    expect(isTransientStoreError(new Error("Code: 252. is fine only as a code"))).toBe(true);
    expect(isTransientStoreError(new Error("something else"))).toBe(false);
  });
});
