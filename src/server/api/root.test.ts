// The benchmarks and the command line load the routers outside Next.js: no module on the way may be
// marked "server-only" (its import throws there; the test runner's alias would hide it in-process).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("the root router", () => {
  it("loads outside Next.js", () => {
    const child = path.resolve(import.meta.dirname, "../../test/root-router-child.ts");
    const r = spawnSync(process.execPath, ["--import", "tsx", child], { encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).not.toContain("server-only");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split(",")).toEqual(expect.arrayContaining(["compliance", "requests", "setup", "survey"]));
  });
});
