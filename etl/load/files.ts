// Loading an imported batch's normalised rows into ClickHouse, one stored chunk file at a time. Each
// chunk is one INSERT with a deduplication token "<generation>:b<batch>:<chunk>": a chunk inserted
// before a crash is skipped when the run is repeated, in the fact table and in its rollups alike.
// Embedded chDB reads the chunk file itself (file()); a ClickHouse server is sent its contents.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ImportBatch } from "@/generated/prisma/client";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import { chunkFiles, readChunkCounts } from "../chunks";
import { chunkStructure, factColumns, FACTS, storedField } from "./facts";
import { attendanceClassArrays } from "@/lib/domain/attendance";
import { isTransientStoreError } from "@/server/store-errors";
import type { Progress } from "../progress";

/**
 * Every ETL insert: deduplicated in the rollups too; and a chunk may span any number of monthly
 * partitions (an export of one employee over ten years is 113 of them; ClickHouse refuses more than
 * 100 in one insert by default and splits the block into one part per partition either way).
 */
export const DEDUP_SETTINGS = {
  deduplicate_blocks_in_dependent_materialized_views: 1,
  max_partitions_per_insert_block: 0,
} as const;

function countLines(bytes: Buffer): number {
  let rows = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) rows++;
  return rows;
}

const CLASSES = attendanceClassArrays();
const CLASS_OF = new Map(CLASSES.codes.map((code, i) => [code, `\t${CLASSES.due[i]}\t${CLASSES.present[i]}`]));
const STATUS_FIELD = storedField("ATTENDANCE", "status");

/** What the load adds to each stored row: for attendance, what the day counts as (due, present). */
function derivedSelect(kind: ImportBatch["kind"]): string {
  if (kind !== "ATTENDANCE") return "";
  const flag = (name: string) => `transform(status, {codes:Array(String)}, {${name}:Array(UInt8)}, toUInt8(0))`;
  return `, ${flag("due")}, ${flag("present")}`;
}

/** The same for rows sent as text to a ClickHouse server: the batch id in front, the derived columns behind. */
export function rowsForServer(kind: ImportBatch["kind"], batchId: number, text: string): string {
  const prefix = `${batchId}\t`;
  if (kind !== "ATTENDANCE") return prefix + text.replace(/\n(?=.)/g, "\n" + prefix);
  let out = "";
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const status = line.split("\t", STATUS_FIELD + 1)[STATUS_FIELD]!;
    out += prefix + line + (CLASS_OF.get(status) ?? "\t0\t0") + "\n";
  }
  return out;
}

export async function loadBatch(
  io: { db: Db; ch: ClickHouse; dataDir: string; progress: Progress; beat?: () => Promise<void> },
  batch: ImportBatch,
  generation: number,
): Promise<number> {
  const { table } = FACTS[batch.kind];
  const columns = factColumns(batch.kind);
  io.progress.start(table);
  let loaded = 0;
  const dir = path.resolve(io.dataDir, batch.storedPath);
  const files = chunkFiles(dir);
  const counts = readChunkCounts(dir);
  for (const [n, file] of files.entries()) {
    const rows = counts?.[n] ?? countLines(readFileSync(file));
    const settings = { ...DEDUP_SETTINGS, insert_deduplication_token: `${generation}:b${batch.id}:${n}` };
    if (io.ch.kind === "chdb") {
      // One thread, whole chunk as one block: the same chunk always forms the same insert.
      await io.ch.command(
        `INSERT INTO ${table} (${columns.join(", ")}) SELECT {batch:UInt32}, *${derivedSelect(batch.kind)} FROM file({path:String}, 'TabSeparated', {structure:String})`,
        { batch: batch.id, path: file, structure: chunkStructure(batch.kind), ...CLASSES },
        {
          ...settings,
          max_threads: 1,
          max_insert_threads: 1,
          max_block_size: 1_048_576,
          min_insert_block_size_rows: 1_048_576,
          max_insert_block_size: 1_048_576,
        },
      );
    } else {
      await io.ch.insertTabSeparated(table, rowsForServer(batch.kind, batch.id, readFileSync(file, "utf8")), {
        columns,
        settings,
      });
    }
    io.progress.add(table, rows);
    loaded += rows;
    await io.beat?.();
  }
  await io.db.importBatch.update({
    where: { id: batch.id },
    data: { status: "LOADED", rowsLoaded: loaded, loadedAt: new Date(), loadError: null },
  });
  return loaded;
}

/**
 * Loads a batch; one ClickHouse refuses for what it holds is marked FAILED with the reason (HR sees it on
 * Impor data and can try again) instead of failing the run, so it never holds back the batches and runs
 * behind it. Returns the rows loaded, or the reason.
 */
export async function loadBatchOrMarkFailed(
  io: Parameters<typeof loadBatch>[0],
  batch: ImportBatch,
  generation: number,
): Promise<{ rows: number } | { error: string }> {
  try {
    return { rows: await loadBatch(io, batch, generation) };
  } catch (err) {
    // a store that is down or busy, or a lost lease, says nothing about this batch: the run stops instead
    if (isTransientStoreError(err)) throw err;
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    io.progress.log(`${batch.fileName}: tidak dapat dimuat / could not be loaded: ${error}`);
    await io.db.importBatch.update({ where: { id: batch.id }, data: { status: "FAILED", loadError: error } });
    return { error };
  }
}
