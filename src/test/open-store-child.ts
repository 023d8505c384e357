// Child process for the data-folder tests: opens the embedded stores in the given folder,
// prints OPENED, then holds them until killed (or exits at once with --exit).
import { DataDirBusyError } from "@/server/data-dir";
import { ChdbClickHouse } from "@/server/clickhouse/chdb";
import { openRelational } from "@/server/db/adapter";

const [dataDir, mode] = process.argv.slice(2);
try {
  await openRelational({ kind: "pglite", dataDir: dataDir! });
  await ChdbClickHouse.open({ dataDir: dataDir!, database: "pantau" });
  console.log("OPENED");
  if (mode === "--exit") process.exit(0);
  setInterval(() => {}, 1000);
} catch (err) {
  console.log(err instanceof DataDirBusyError ? `BUSY ${err.message}` : `ERROR ${String(err)}`);
  process.exit(3);
}
