import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickhouseContract } from "./contract.suite";
import { HttpClickHouse, httpClientConfig } from "./http";

// Request building, checked against a loopback HTTP listener that records what the driver sends.
describe("HTTP driver requests", () => {
  const seen: { method: string; url: URL; headers: http.IncomingHttpHeaders; body: string }[] = [];
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        seen.push({ method: req.method!, url: new URL(req.url!, "http://x"), headers: req.headers, body });
        res.setHeader("X-ClickHouse-Summary", "{}");
        res.setHeader("Content-Type", "application/x-ndjson");
        res.end(req.url?.startsWith("/ping") ? "Ok.\n" : body.startsWith("SELECT") ? '{"n":1}\n' : "");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const open = () =>
    HttpClickHouse.open({ url: base, username: "pantau", password: "rahasia", database: "pantau", cluster: "c1" });

  it("creates the database ON CLUSTER through the default database", async () => {
    seen.length = 0;
    await open();
    expect(seen[0]!.body).toBe("CREATE DATABASE IF NOT EXISTS pantau ON CLUSTER c1");
    expect(seen[0]!.url.searchParams.get("database") ?? "default").toBe("default");
  });

  it("sends parameters as param_* next to the SQL, with auth and settings", async () => {
    const ch = await open();
    seen.length = 0;
    const rows = await ch.query(
      "SELECT count() AS n FROM dim_unit WHERE name = {name:String} AND id IN {ids:Array(String)}",
      {
        name: "Dinas 'X'",
        ids: ["a", "b"],
      },
    );
    expect(rows).toEqual([{ n: 1 }]);
    const req = seen[0]!;
    expect(req.method).toBe("POST");
    expect(req.url.searchParams.get("database")).toBe("pantau");
    // ClickHouse's escaped text form: the server unescapes it into the typed value.
    expect(req.url.searchParams.get("param_name")).toBe("Dinas \\'X\\'");
    expect(req.url.searchParams.get("param_ids")).toBe("['a','b']");
    expect(req.url.searchParams.get("output_format_json_quote_64bit_integers")).toBe("0");
    expect(req.body).toContain("{name:String}");
    expect(req.body).not.toContain("Dinas");
    expect(req.body).toMatch(/FORMAT JSONEachRow$/);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from("pantau:rahasia").toString("base64")}`);
    await ch.close();
  });

  it("inserts JSONEachRow batches with per-insert settings", async () => {
    const ch = await open();
    seen.length = 0;
    await ch.insert(
      "dim_unit",
      [
        { unit_id: "u1", name: "A" },
        { unit_id: "u2", name: "B" },
      ],
      {
        settings: { insert_deduplication_token: "batch-1" },
      },
    );
    const req = seen[0]!;
    expect(req.url.searchParams.get("query")).toBe("INSERT INTO dim_unit FORMAT JSONEachRow");
    expect(req.url.searchParams.get("insert_deduplication_token")).toBe("batch-1");
    expect(
      req.body
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { unit_id: "u1", name: "A" },
      { unit_id: "u2", name: "B" },
    ]);
    await ch.close();
  });

  it("builds a config from the environment's values", () => {
    const cfg = httpClientConfig({ url: "https://ch.example:8443", username: "u", password: "p", database: "pantau" });
    expect(cfg).toMatchObject({
      url: "https://ch.example:8443",
      username: "u",
      password: "p",
      database: "pantau",
      application: "pantau",
    });
  });
});

// The same behaviour suite as chDB, against a real server when one is configured.
if (process.env.TEST_CLICKHOUSE_URL) {
  clickhouseContract("ClickHouse server (HTTP)", async () => {
    const database = `pantau_test_${process.pid}`;
    const ch = await HttpClickHouse.open({
      url: process.env.TEST_CLICKHOUSE_URL!,
      username: process.env.TEST_CLICKHOUSE_USER ?? "default",
      password: process.env.TEST_CLICKHOUSE_PASSWORD ?? "",
      database,
    });
    return {
      ch,
      async close() {
        await ch.command(`DROP DATABASE IF EXISTS ${database}`);
        await ch.close();
      },
    };
  });
}
