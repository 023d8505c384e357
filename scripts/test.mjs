// `npm test`: everything a change must pass, in order — type-check, lint, unit + integration
// tests (real PGlite and chDB; PostgreSQL too when TEST_DATABASE_URL is set), then the browser
// tests against a production build. Installs Debian's Chromium when it is missing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function step(name, cmd, args) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  if (r.status !== 0) {
    console.error(`✘ ${name} failed (${secs} s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${secs} s)`);
}

function ensureChromium() {
  if (existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium not found at ${chromium}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
    process.exit(1);
  }
  step("install Debian Chromium", "sh", [
    "-c",
    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
  ]);
}

step("prisma generate", "node", ["scripts/prisma-generate.mjs"]);
step("type-check", "npx", ["--no-install", "tsc", "--noEmit"]);
step("lint", "npx", ["--no-install", "eslint", "--max-warnings=0", "."]);
step("formatting", "npx", ["--no-install", "prettier", "--check", "--log-level=warn", "."]);
step("unit and integration tests", "npx", ["--no-install", "vitest", "run"]);
ensureChromium();
step("end-to-end tests", "npx", ["--no-install", "playwright", "test"]);
