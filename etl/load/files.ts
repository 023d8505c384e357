// Loading an imported batch's normalised rows into ClickHouse, in fixed chunks of lines. Each chunk is
// one INSERT with a deduplication token "<generation>:b<batch>:<chunk>": a chunk inserted before a
// crash is skipped when the run is repeated, in the fact table and in its rollups alike.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ImportBatch } from "@/generated/prisma/client";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import { FACT_COLUMNS, FACT_TABLE } from "../import";
import type { Progress } from "../progress";

export const FILE_CHUNK_ROWS = 200_000;

export const DEDUP_SETTINGS = { deduplicate_blocks_in_dependent_materialized_views: 1 } as const;

export async function loadBatch(
  io: { db: Db; ch: ClickHouse; dataDir: string; progress: Progress; beat?: () => Promise<void>; chunkRows?: number },
  batch: ImportBatch,
  generation: number,
): Promise<number> {
  const table = FACT_TABLE[batch.kind];
  const text = readFileSync(path.resolve(io.dataDir, batch.storedPath), "utf8");
  const prefix = `${batch.id}\t`;
  io.progress.start(table);
  let pos = 0;
  let chunk = 0;
  let loaded = 0;
  while (pos < text.length) {
    let end = pos;
    let n = 0;
    while (n < (io.chunkRows ?? FILE_CHUNK_ROWS) && end < text.length) {
      const nl = text.indexOf("\n", end);
      end = nl === -1 ? text.length : nl + 1;
      n++;
    }
    const data = prefix + text.slice(pos, end).replace(/\n(?=.)/g, "\n" + prefix);
    await io.ch.insertTabSeparated(table, data, {
      columns: FACT_COLUMNS[batch.kind],
      settings: { ...DEDUP_SETTINGS, insert_deduplication_token: `${generation}:b${batch.id}:${chunk}` },
    });
    io.progress.add(table, n);
    loaded += n;
    chunk++;
    pos = end;
    await io.beat?.();
  }
  await io.db.importBatch.update({ where: { id: batch.id }, data: { status: "LOADED", rowsLoaded: loaded, loadedAt: new Date() } });
  return loaded;
}
