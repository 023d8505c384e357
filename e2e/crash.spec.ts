// Nothing acknowledged is ever lost: a production server of its own (fresh data folder, another port)
// is killed with SIGKILL while survey answers pour in and an employee submits a leave request; after a
// restart every answer that got 201 and the request that got its confirmation are there, once. On the
// embedded stores, and on PostgreSQL too when TEST_DATABASE_URL is set.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createTestDatabase } from "../src/test/postgres";
import { as } from "./helpers";
import { daysAfter, TODAY } from "./today";

const PORT = 3241;
const BASE = `http://127.0.0.1:${PORT}`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

function serverEnv(dataDir: string, databaseUrl: string | null): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    PANTAU_DATA_DIR: dataDir,
    PANTAU_DEMO: "1",
    PANTAU_DEMO_EMPLOYEES: "20",
    PANTAU_TODAY: TODAY,
    ETL_INTERVAL_MINUTES: "0",
    // the answers below come from many simulated clients through a "proxy" on loopback
    TRUSTED_PROXIES: "loopback",
    NEXTAUTH_SECRET: "crash-test-secret-0123456789abcdefghijkl",
    NEXTAUTH_URL: BASE,
    DATABASE_URL: databaseUrl ?? "",
    CLICKHOUSE_URL: "",
  };
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const prepared = spawnSync("npx", ["--no-install", "tsx", "scripts/prepare.ts"], { env, encoding: "utf8" });
  expect(prepared.status, prepared.stderr).toBe(0);
  const server = spawn("node", ["scripts/server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${BASE}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the crash-test server did not start");
}

function killed(server: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once("exit", () => resolve());
    server.kill("SIGKILL");
  });
}

const answer = (key: string, i: number) =>
  JSON.stringify({
    submissionKey: key,
    ageGroup: "26-35",
    gender: i % 2 ? "L" : "P",
    education: "D4-S1",
    occupation: "PNS",
    u1: 4,
    u2: 3,
    u3: 4,
    u4: 4,
    u5: 3,
    u6: 4,
    u7: 4,
    u8: 3,
    u9: 4,
  });

// on the embedded store always, on PostgreSQL too when the machine has one (CI)
const KINDS = process.env.TEST_DATABASE_URL ? (["PGlite", "PostgreSQL"] as const) : (["PGlite"] as const);

for (const kind of KINDS)
  test(`SIGKILL during survey answers and a leave request: after a restart everything acknowledged is there, once (${kind})`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "pantau-crash-"));
    const database =
      kind === "PostgreSQL" ? await createTestDatabase(process.env.TEST_DATABASE_URL!, "pantau_crash") : null;
    const databaseUrl = database?.url ?? null;
    const env = serverEnv(dataDir, databaseUrl);
    let server = await startServer(env);
    try {
      // an employee's leave requests: one sent and confirmed while the answers flow, one in flight at the kill
      await as(page, "pegawai", BASE);
      let ahead = 14;
      while (new Date(`${daysAfter(ahead)}T00:00:00Z`).getUTCDay() !== 1) ahead++;
      const fillLeave = async (day: string, reason: string) => {
        await page.goto(`${BASE}/layanan/ajukan`);
        await page.getByRole("link", { name: /^Cuti/ }).click();
        await page.getByLabel("Jenis cuti").selectOption("TAHUNAN");
        await page.getByLabel("Mulai tanggal").fill(day);
        await page.getByLabel("Sampai tanggal").fill(day);
        await page.getByLabel("Alasan / keterangan").fill(reason);
        await page.getByLabel("Alamat selama cuti").fill("Jl. Kenanga 12");
        await page
          .getByLabel("Surat permohonan cuti")
          .setInputFiles({ name: "surat.pdf", mimeType: "application/pdf", buffer: PDF });
      };
      const tag = randomBytes(3).toString("hex");
      const sentReason = `Uji mati listrik terkirim ${tag}`;
      const inFlightReason = `Uji mati listrik di tengah jalan ${tag}`;

      // answers from 8 clients at once; the server is killed while they and the leave request are in flight
      const accepted: string[] = [];
      let sent = 0;
      let stop = false;
      const client = async (c: number) => {
        while (!stop) {
          const i = sent++;
          const key = randomBytes(12).toString("base64url");
          try {
            const res = await fetch(`${BASE}/api/survei/loket-cuti`, {
              method: "POST",
              headers: { "content-type": "application/json", "x-forwarded-for": `10.77.${c}.${i % 250}` },
              body: answer(key, i),
            });
            if (res.status === 201) accepted.push(key);
          } catch {
            return; // the server is gone
          }
        }
      };
      const clients = Array.from({ length: 8 }, (_, c) => client(c));
      while (accepted.length < 50) await new Promise((r) => setTimeout(r, 20));
      await fillLeave(daysAfter(ahead), sentReason);
      await page.getByRole("button", { name: "Kirim permohonan" }).click();
      await expect(page).toHaveURL(/\/layanan\/[\w-]+\?dikirim=1$/);
      await fillLeave(daysAfter(ahead + 1), inFlightReason);
      while (accepted.length < 100) await new Promise((r) => setTimeout(r, 20));
      const confirmation = page.waitForURL(/\/layanan\/[\w-]+\?dikirim=1$/, { timeout: 10_000 }).then(
        () => true,
        () => false,
      );
      await page.getByRole("button", { name: "Kirim permohonan" }).click();
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 250));
      await killed(server);
      stop = true;
      await Promise.all(clients);
      const confirmed = await confirmation;
      expect(accepted.length).toBeGreaterThanOrEqual(100);
      console.log(
        `crash test (${kind}): killed after ${sent} answers sent, ${accepted.length} accepted; the leave request in flight ${confirmed ? "was" : "was not"} confirmed before the kill`,
      );

      // restart on the same data folder (the demo load sees its stores are there and does nothing), and
      // the employee's pages open again; then, with the server stopped, count what was stored
      server = await startServer(env);
      await as(page, "pegawai", BASE);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await killed(server);

      // the confirmed leave request is there once; the one in flight once if it was confirmed, at most once otherwise
      const stored = (reason: string) => {
        const counted = spawnSync("npx", ["--no-install", "tsx", "src/test/count-requests-child.ts", reason], {
          env,
          encoding: "utf8",
        });
        return Number(/REQUESTS (\d+)/.exec(counted.stdout)?.[1] ?? "-1");
      };
      expect(stored(sentReason)).toBe(1);
      if (confirmed) expect(stored(inFlightReason)).toBe(1);
      else expect(stored(inFlightReason)).toBeLessThanOrEqual(1);

      // every accepted answer is stored (keys are unique: once), checked on the stopped server's stores
      const keys = path.join(dataDir, "accepted.json");
      writeFileSync(keys, JSON.stringify({ accepted }));
      const check = spawnSync("npx", ["--no-install", "tsx", "etl/bench/survey.ts", "--check-only", "--keys", keys], {
        env,
        encoding: "utf8",
      });
      expect(check.stdout, check.stderr).toContain(`${accepted.length} accepted, ${accepted.length} stored`);
      expect(check.status).toBe(0);
    } finally {
      await killed(server);
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    }
  });

test("an administrator backs the data folder up from the browser", async ({ page }) => {
  await as(page, "admin");
  await page.goto("/data");
  const section = page.getByRole("region", { name: "Cadangan data" });
  await section.getByRole("button", { name: "Buat cadangan sekarang" }).click();
  await expect(page.getByRole("status")).toHaveText("Cadangan selesai dibuat.");
  await expect(page.getByRole("region", { name: "Cadangan data" }).getByRole("listitem").first()).toContainText(
    /pantau-\d{8}-\d{6}/,
  );
  // HR sees the imports, not the backups
  await as(page, "bkpsdm");
  await page.goto("/data");
  await expect(page.getByRole("region", { name: "Cadangan data" })).toHaveCount(0);
});
