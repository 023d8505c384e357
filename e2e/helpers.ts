import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "pantau-demo";

/** Signs in on the tests' server, or on another one (`base`, e.g. the crash test's own). */
export async function login(page: Page, username: string, password = DEMO_PASSWORD, base = "") {
  await page.goto(`${base}/masuk`);
  await page.getByLabel(/Nama pengguna|Username/).fill(username);
  await page.getByLabel(/Kata sandi|Password/).fill(password);
  await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
  await expect(page).not.toHaveURL(/\/masuk/);
}

/** Signs out whoever is signed in, then signs in as `username`. */
export async function as(page: Page, username: string, base = "") {
  await page.context().clearCookies();
  await login(page, username, DEMO_PASSWORD, base);
}

/**
 * An HTTP request to the test server from another loopback address (127.0.0.x), so what it does to
 * one client's throttle does not reach the other specs (the browser and Playwright use 127.0.0.1).
 */
export function requestFrom(
  localAddress: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const base = new URL(process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`);
  return new Promise<{ status: number; body: string; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const req = httpRequest(
      { host: base.hostname, port: base.port, path, method: init.method ?? "GET", headers: init.headers, localAddress },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }),
        );
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

/**
 * A production server of a spec's own, without demo data, on a fresh data folder: the start-up step
 * (migrations, the first administrator's link on its output), then scripts/server.mjs until healthy.
 */
export async function startServerWithoutDemo(port: number, name: string) {
  const { spawn, spawnSync } = await import("node:child_process");
  const { mkdtempSync, rmSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `pantau-${name}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PANTAU_DATA_DIR: dataDir,
    PANTAU_DEMO: "0",
    PANTAU_TODAY: "", // refused without demo data: a real region lives on the real date
    ETL_INTERVAL_MINUTES: "0",
    NEXTAUTH_SECRET: `${name}-secret-0123456789abcdefghijklmnopqrstuv`,
    NEXTAUTH_URL: base,
    DATABASE_URL: "",
    CLICKHOUSE_URL: "",
  };
  const prepared = spawnSync("npx", ["--no-install", "tsx", "scripts/prepare.ts"], { env, encoding: "utf8" });
  expect(prepared.status, prepared.stderr).toBe(0);
  const server = spawn("node", ["scripts/server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      await new Promise<void>((resolve) => {
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, dataDir, startOutput: prepared.stdout, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`the ${name} server did not start`);
}
