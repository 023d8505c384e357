import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The clock reads PANTAU_TODAY once per process, so each case runs in a process of its own.
function clockIn(env: Record<string, string>) {
  const child = path.resolve(import.meta.dirname, "../test/clock-child.ts");
  const r = spawnSync("npx", ["--no-install", "tsx", child], { encoding: "utf8", env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as { today: string; tz: string; at: string; real: string };
}

describe("the working calendar's clock", () => {
  it("pins today at 09:00 WIB on PANTAU_TODAY and runs on from there", () => {
    const c = clockIn({ PANTAU_TODAY: "2026-11-18" });
    expect(c.today).toBe("2026-11-18");
    expect(c.tz).toBe("2026-11-18");
    const at = Date.parse(c.at);
    expect(at).toBeGreaterThanOrEqual(Date.parse("2026-11-18T02:00:00Z"));
    expect(at).toBeLessThan(Date.parse("2026-11-18T02:01:00Z"));
  });

  it("is the machine's own time without it", () => {
    const c = clockIn({ PANTAU_TODAY: "" });
    expect(Math.abs(Date.parse(c.at) - Date.parse(c.real))).toBeLessThan(1000);
  });
});
