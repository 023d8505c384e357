// Where each relational source's incremental load stands: its watermark, the (updated time, id) of the last row
// loaded, and the loop that reads rows after it a chunk at a time. The watermark moves only after a chunk
// is loaded; a chunk repeated after a crash carries the same deduplication token and is skipped. Rows
// changed in the last `lagMs` wait for the next run, so a transaction still open cannot commit a row behind
// the watermark.
import type { Db } from "@/server/db/client";

export interface Watermark {
  updatedAt: Date;
  lastId: string;
}

export const START: Watermark = { updatedAt: new Date(0), lastId: "" };

export async function readWatermark(db: Db, source: string): Promise<Watermark> {
  const w = await db.etlWatermark.findUnique({ where: { source } });
  return w ? { updatedAt: w.updatedAt, lastId: w.lastId } : START;
}

export async function saveWatermark(db: Db, source: string, w: Watermark) {
  await db.etlWatermark.upsert({
    where: { source },
    update: { updatedAt: w.updatedAt, lastId: w.lastId },
    create: { source, ...w },
  });
}

export const wmKey = (w: Watermark) => `${w.updatedAt.getTime()}/${w.lastId}`;

/** What the loop needs of a run. */
export interface WatermarkIo {
  db: Db;
  generation: number;
  lagMs: number;
  beat?: () => Promise<void>;
  /** Overrides every source's chunk size (tests use small chunks to stop a run between them). */
  chunkRows?: number;
}

type Row = { id: string | bigint; stamp: Date };

/** The generic watermark loop: fetch → load → save watermark, until a chunk comes back short. */
export async function byWatermark<R extends Row>(
  io: WatermarkIo,
  source: string,
  chunkSize: number,
  fetch: (after: Watermark, upTo: Date, take: number) => Promise<R[]>,
  load: (rows: R[], token: string) => Promise<number>,
): Promise<number> {
  const upTo = new Date(Date.now() - io.lagMs);
  let wm = await readWatermark(io.db, source);
  let total = 0;
  const size = io.chunkRows ?? chunkSize;
  for (;;) {
    const rows = await fetch(wm, upTo, size);
    if (rows.length === 0) break;
    const last = rows[rows.length - 1]!;
    const next = { updatedAt: last.stamp, lastId: String(last.id) };
    total += await load(rows, `${io.generation}:${source}:${wmKey(wm)}:${wmKey(next)}`);
    await saveWatermark(io.db, source, next);
    wm = next;
    await io.beat?.();
    if (rows.length < size) break;
  }
  return total;
}

export const after = (w: Watermark, upTo: Date, field: "updatedAt" | "createdAt" = "updatedAt") => ({
  AND: [
    { [field]: { lte: upTo } },
    { OR: [{ [field]: { gt: w.updatedAt } }, { [field]: w.updatedAt, id: { gt: w.lastId } }] },
  ],
});
