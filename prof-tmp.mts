import { readFileSync, readdirSync, rmSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
import { openRelational } from "./src/server/db/adapter.ts";
import { createPrisma } from "./src/server/db/client.ts";
import { applyMigrations } from "./src/server/db/migrate.ts";
import { ChdbClickHouse } from "./src/server/clickhouse/chdb.ts";
import { applyClickHouseMigrations } from "./src/server/clickhouse/migrate.ts";
import { generate } from "./etl/generate/generate.ts";
import { loadRegionContext } from "./etl/context.ts";
import { importFile } from "./etl/import.ts";
rmSync("/tmp/pf2", { recursive: true, force: true });
const conn = await openRelational({ kind: "pglite-memory" });
await applyMigrations(conn);
const db = createPrisma(conn);
const ch = await ChdbClickHouse.open({ dataDir: "/tmp/pf2", database: "pantau" });
await applyClickHouseMigrations(ch);
await generate(db, { seed: 1, employees: 20000, start: "2026-10-01", end: "2026-10-31", outDir: "/tmp/pf2/files" });
const region = await loadRegionContext(db, "DEMO");
const files = readdirSync("/tmp/pf2/files").map((f) => "/tmp/pf2/files/" + f);
const s = new Session(); s.connect(); await s.post("Profiler.enable"); await s.post("Profiler.start");
for (const f of files) {
  const t = performance.now();
  const r = await importFile({ db, ch, dataDir: "/tmp/pf2", region, today: "2026-11-25" }, { name: f, bytes: readFileSync(f), kind: f.includes("absensi") ? "ATTENDANCE" : "EKINERJA" });
  console.log(f, r.valid, ((performance.now() - t)).toFixed(0), "ms", (((performance.now() - t) * 1000) / r.read).toFixed(2), "µs/row");
}
const { profile } = await s.post("Profiler.stop");
writeFileSync("/tmp/prof/imp.cpuprofile", JSON.stringify(profile));
process.exit(0);
