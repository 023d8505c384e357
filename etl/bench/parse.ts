// Parse benchmark: the same source files parsed in one parse worker with V8's default young generation
// and with the pool's (PARSE_YOUNG_GENERATION_MB), so the setting's worth is a printed figure. The files
// come from a folder kept by `npm run bench:etl -- --keep`, or are generated (20,000 employees × 62 days).
//   npm run bench:parse [-- --dir <bench:etl --keep folder> --files 4 --rounds 2]
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatNumber } from "@/i18n/format";
import { isoDay } from "@/lib/domain/working-days";
import { openRelational } from "@/server/db/adapter";
import { createPrisma } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrate";
import { todayNumber } from "@/server/clock";
import { loadRegionContext } from "../context";
import { generate } from "../generate/generate";
import { parseContextOf } from "../extract/parse";
import { PARSE_YOUNG_GENERATION_MB, ParsePool } from "../extract/parse-pool";

const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    files: { type: "string", default: "4" },
    rounds: { type: "string", default: "2" },
  },
});
const dir = values.dir ?? mkdtempSync(path.join(os.tmpdir(), "pantau-bench-parse-"));
console.log(
  `Pantau bench:parse — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model.trim()}); data in ${dir}`,
);
const conn = await openRelational({ kind: "pglite", dataDir: dir });
await applyMigrations(conn);
const db = createPrisma(conn);
const filesDir = path.join(dir, "files");
if (!values.dir) {
  const end = todayNumber() - 1;
  const t = performance.now();
  await generate(db, { seed: 1, employees: 20_000, start: isoDay(end - 61), end: isoDay(end), outDir: filesDir });
  console.log(
    `generated 20.000 employees × 62 days in ${formatNumber((performance.now() - t) / 1000, "id", { maximumFractionDigits: 1 })} s`,
  );
}
const region = await loadRegionContext(db, (await db.region.findFirstOrThrow()).code);
const ctx = parseContextOf(region);
await db.$disconnect();
await conn.close();

// the largest files of each kind
const byKind = (prefix: string) =>
  readdirSync(filesDir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".csv"))
    .sort((a, b) => statSync(path.join(filesDir, b)).size - statSync(path.join(filesDir, a)).size)
    .slice(0, Math.ceil(Number(values.files) / 2));
const files = [...byKind("absensi"), ...byKind("ekinerja")].map((f) => ({
  name: f,
  kind: f.startsWith("absensi") ? ("ATTENDANCE" as const) : ("EKINERJA" as const),
  bytes: readFileSync(path.join(filesDir, f)),
}));
const out = mkdtempSync(path.join(os.tmpdir(), "pantau-bench-parse-out-"));

console.log(
  `\n${files.length} files (${files.map((f) => f.name).join(", ")}), one worker, ${values.rounds} rounds each, alternating`,
);
const extra = (process.env.BENCH_PARSE_MB ?? "")
  .split(",")
  .filter(Boolean)
  .map((mb) => ({ name: `young generation ${mb} MiB`, mb: Number(mb) }));
const settings = [
  { name: "V8 default young generation", mb: null },
  ...extra,
  { name: `young generation ${PARSE_YOUNG_GENERATION_MB} MiB (the pool's)`, mb: PARSE_YOUNG_GENERATION_MB },
];
const results = new Map<string, { rows: number; ms: number }>();
for (let round = 0; round < Number(values.rounds); round++) {
  for (const s of settings) {
    const pool = new ParsePool(1, { youngGenerationMb: s.mb });
    let rows = 0;
    const t = performance.now();
    for (const [i, f] of files.entries()) {
      // the worker takes the buffer: each run gets its own copy
      const r = await pool.parse({
        ctx,
        file: { name: f.name, kind: f.kind, bytes: new Uint8Array(f.bytes) },
        out: { dir: path.join(out, String(i)), today: todayNumber() },
      });
      rows += r.read;
    }
    const ms = performance.now() - t;
    await pool.close();
    const acc = results.get(s.name) ?? { rows: 0, ms: 0 };
    results.set(s.name, { rows: acc.rows + rows, ms: acc.ms + ms });
  }
}
for (const s of settings) {
  const r = results.get(s.name)!;
  console.log(
    `  ${s.name.padEnd(48)} ${formatNumber(r.rows, "id")} rows  ${formatNumber((r.ms * 1000) / r.rows, "id", { maximumFractionDigits: 2 })} µs/row  ${formatNumber(Math.round(r.rows / (r.ms / 1000)), "id")} rows/s`,
  );
}
rmSync(out, { recursive: true, force: true });
if (!values.dir) rmSync(dir, { recursive: true, force: true });
