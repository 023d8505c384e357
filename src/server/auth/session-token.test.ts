import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The environment is read once per process, so each case runs in a process of its own.
function cookiesUnder(url: string) {
  const child = path.resolve(import.meta.dirname, "../../test/cookie-child.ts");
  const r = spawnSync("npx", ["--no-install", "tsx", child], {
    encoding: "utf8",
    env: { ...process.env, NEXTAUTH_URL: url, NODE_ENV: "development" },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as {
    cleared: { name: string; value: string; options: { secure: boolean; maxAge: number; path: string } };
    device: { name: string; options: { secure: boolean } };
  };
}

describe("session cookies", () => {
  it("on HTTPS, signing out sends a Secure cookie (a browser ignores a __Secure- cookie set without it), and the device cookie is __Host-", () => {
    const c = cookiesUnder("https://pantau.example.go.id");
    expect(c.cleared).toMatchObject({
      name: "__Secure-next-auth.session-token",
      value: "",
      options: { secure: true, maxAge: 0, path: "/" },
    });
    expect(c.device).toMatchObject({ name: "__Host-pantau-device", options: { secure: true } });
  });

  it("on plain HTTP (development), the plain names", () => {
    const c = cookiesUnder("http://localhost:3000");
    expect(c.cleared).toMatchObject({ name: "next-auth.session-token", options: { secure: false, maxAge: 0 } });
    expect(c.device.name).toBe("pantau-device");
  });
});
