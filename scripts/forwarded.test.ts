import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rewriteForwarded, trustFrom } from "./forwarded.mjs";

// A real HTTP server doing what scripts/server.mjs does before Next sees a request, echoing the result.
function echoServer(trusted: string) {
  const trust = trustFrom(trusted);
  return http.createServer((req, res) => {
    const https = rewriteForwarded(req, trust);
    res.end(
      JSON.stringify({
        xff: req.headers["x-forwarded-for"],
        realIp: req.headers["x-real-ip"] ?? null,
        proto: req.headers["x-forwarded-proto"] ?? null,
        https,
      }),
    );
  });
}

async function ask(server: http.Server, headers: Record<string, string>) {
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/`, { headers });
  return (await res.json()) as { xff: string; realIp: string | null; proto: string | null; https: boolean };
}

describe("the client address behind scripts/server.mjs", () => {
  const direct = echoServer("");
  const behindProxy = echoServer("loopback");
  beforeAll(async () => {
    await new Promise<void>((r) => direct.listen(0, "127.0.0.1", r));
    await new Promise<void>((r) => behindProxy.listen(0, "127.0.0.1", r));
  });
  afterAll(() => {
    direct.close();
    behindProxy.close();
  });

  it("ignores a client's own X-Forwarded-For, X-Real-IP and X-Forwarded-Proto when no proxy is trusted", async () => {
    for (let i = 1; i <= 3; i++) {
      const seen = await ask(direct, {
        "x-forwarded-for": `198.51.100.${i}`,
        "x-real-ip": "203.0.113.5",
        "x-forwarded-proto": "https",
      });
      expect(seen).toEqual({ xff: "127.0.0.1", realIp: null, proto: null, https: false });
    }
  });

  it("believes a trusted proxy, and only up to the first hop it does not trust", async () => {
    expect(await ask(behindProxy, { "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "https" })).toMatchObject({
      xff: "198.51.100.7",
      https: true,
    });
    // a client that sends its own header through the proxy: the proxy appends the real address last
    expect((await ask(behindProxy, { "x-forwarded-for": "10.9.9.9, 198.51.100.8" })).xff).toBe("198.51.100.8");
    // a hop that is itself trusted is walked past
    expect((await ask(behindProxy, { "x-forwarded-for": "198.51.100.9, 127.0.0.2" })).xff).toBe("198.51.100.9");
  });

  it("refuses a malformed TRUSTED_PROXIES", () => {
    expect(() => trustFrom("10.0.0.0/99")).toThrow();
    expect(() => trustFrom("proxy.example")).toThrow();
  });
});
