// The production server for end-to-end tests: a fresh data folder with demo data, `scripts/server.mjs` (as `npm start`).
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const port = process.argv[2] ?? "3210";
const dataDir = path.resolve(".data/e2e");
rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PANTAU_DATA_DIR: dataDir,
  PANTAU_DEMO: "1",
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-0123456789abcdefghijklmnop",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: "",
  CLICKHOUSE_URL: "",
};
const run = (cmd, args, runEnv = env) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: runEnv });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
// The build runs as README's going-live line runs it: without the production secret, which only the server needs.
const buildEnv = { ...env };
delete buildEnv.NEXTAUTH_SECRET;
if (process.env.E2E_SKIP_BUILD !== "1") run("npx", ["--no-install", "next", "build"], buildEnv);
run("npx", ["--no-install", "tsx", "scripts/prepare.ts"]);
const server = spawn("node", ["scripts/server.mjs", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
