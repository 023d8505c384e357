// `prisma generate` offline: Prisma's CLI looks for its native schema engine and would try to
// download it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops that. Generation
// itself needs no engine. Runs on `npm install` (postinstall).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= fileURLToPath(new URL("../package.json", import.meta.url));
const res = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(res.status ?? 1);
