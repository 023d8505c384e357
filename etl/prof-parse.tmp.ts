import { readFileSync, mkdtempSync } from "node:fs";
import os from "node:os"; import path from "node:path";
import { openRelational } from "@/server/db/adapter";
import { createPrisma } from "@/server/db/client";
import { loadRegionContext } from "./context";
import { parseContextOf, parseFile } from "./parse";
const dir = "/tmp/pantau-bench-etl-TgJeEE";
const conn = await openRelational({ kind: "pglite", dataDir: dir });
const db = createPrisma(conn);
const region = await loadRegionContext(db, (await db.region.findFirstOrThrow()).code);
const ctx = parseContextOf(region);
await db.$disconnect(); await conn.close();
const files = process.argv.slice(2);
for (const f of files) {
  const bytes = readFileSync(f);
  const kind = path.basename(f).startsWith("absensi") ? "ATTENDANCE" : "EKINERJA";
  const t = performance.now();
  const r = parseFile(ctx, { name: f, bytes, kind }, { dir: mkdtempSync(path.join(os.tmpdir(), "pp-")), today: 99999 });
  const ms = performance.now() - t;
  console.log(path.basename(f), r.valid, "rows", Math.round(ms), "ms", (ms * 1000 / r.read).toFixed(2), "µs/row");
}
