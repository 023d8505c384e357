import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "pantau-demo";

/** Signs in on the tests' server, or on another one (`base`, e.g. the crash test's own). */
export async function login(page: Page, username: string, password = DEMO_PASSWORD, base = "") {
  await page.goto(`${base}/login`);
  await page.getByLabel(/Nama pengguna|Username/).fill(username);
  await page.getByLabel(/Kata sandi|Password/).fill(password);
  await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
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
export function requestFrom(localAddress: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const base = new URL(process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`);
  return new Promise<{ status: number; body: string; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const req = httpRequest(
      { host: base.hostname, port: base.port, path, method: init.method ?? "GET", headers: init.headers, localAddress },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}
