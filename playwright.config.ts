import { defineConfig, devices } from "@playwright/test";
import { TODAY } from "./e2e/today";

// The demo server lives on the tests' day (inherited by the web server below).
process.env.PANTAU_TODAY = TODAY;

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network.
// Set once in `use`: the device presets below carry no launchOptions of their own.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: { baseURL, launchOptions: chromium, trace: "off", screenshot: "only-on-failure" },
  projects: [
    { name: "desktop", use: devices["Desktop Chrome"], testIgnore: /phone\.spec\.ts/ },
    { name: "phone", use: devices["Pixel 7"], testMatch: /phone\.spec\.ts/ },
  ],
  webServer: {
    // Builds (unless E2E_SKIP_BUILD=1), prepares a fresh data folder, and starts the production server.
    command: `node scripts/e2e-server.mjs ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
