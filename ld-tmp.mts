import { ChdbClickHouse } from "./src/server/clickhouse/chdb.ts";
import { applyClickHouseMigrations } from "./src/server/clickhouse/migrate.ts";
import { rmSync, writeFileSync, readFileSync } from "node:fs";
rmSync("/tmp/ld", { recursive: true, force: true });
const ch = await ChdbClickHouse.open({ dataDir: "/tmp/ld", database: "pantau" });
await applyClickHouseMigrations(ch);
const N = 400_000;
let lines: string[] = [];
for (let i = 0; i < N; i++) {
  const d = 20400 + (i % 22);
  lines.push(`reg1\tunit${i % 23}\temp${i % 20000}\t${new Date(d * 864e5).toISOString().slice(0, 10)}\tH\t450\t960\t0\t${i}\n`);
}
const text = lines.join("");
writeFileSync("/tmp/ld/a.tsv", text);
const cols = ["batch_id", "region_id", "unit_id", "employee_id", "day", "status", "check_in", "check_out", "late_minutes", "line"];
const st = { deduplicate_blocks_in_dependent_materialized_views: 1 };
let t = performance.now();
const data = "1\t" + text.replace(/\n(?=.)/g, "\n1\t");
console.log("prefix ms", (performance.now() - t).toFixed(0));
t = performance.now();
await ch.insertTabSeparated("fact_attendance", data, { columns: cols, settings: { ...st, insert_deduplication_token: "x1" } });
console.log("insert raw (400k) ms", (performance.now() - t).toFixed(0));
t = performance.now();
await ch.command(`INSERT INTO fact_attendance (batch_id, region_id, unit_id, employee_id, day, status, check_in, check_out, late_minutes, line)
  SELECT 2, * FROM file('/tmp/ld/a.tsv', 'TabSeparated', 'region_id String, unit_id String, employee_id String, day Date, status String, check_in Nullable(UInt16), check_out Nullable(UInt16), late_minutes UInt16, line UInt32')`, {}, { ...st, insert_deduplication_token: "x2", max_threads: 1, max_insert_threads: 1 });
console.log("insert from file (400k) ms", (performance.now() - t).toFixed(0));
t = performance.now();
await ch.command(`INSERT INTO fact_attendance (batch_id, region_id, unit_id, employee_id, day, status, check_in, check_out, late_minutes, line)
  SELECT 3, * FROM file('/tmp/ld/a.tsv', 'TabSeparated', 'region_id String, unit_id String, employee_id String, day Date, status String, check_in Nullable(UInt16), check_out Nullable(UInt16), late_minutes UInt16, line UInt32')`, {}, { ...st, insert_deduplication_token: "x3" });
console.log("insert from file multi-thread (400k) ms", (performance.now() - t).toFixed(0));
console.log(await ch.query("SELECT batch_id, count() c FROM fact_attendance GROUP BY batch_id ORDER BY batch_id"), await ch.query("SELECT sum(rows) r FROM rollup_attendance_daily"));
await ch.close();
