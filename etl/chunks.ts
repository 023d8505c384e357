// A stored batch is a folder of chunk files (0.tsv, 1.tsv, …, one line per valid row, in the columns
// load/facts.ts declares) and rows.json with each chunk's line count. The import writes them, the load
// and the benchmarks read them; this is their one description.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const chunkName = (n: number) => `${n}.tsv`;

/** Chunk files of a stored batch, in order. */
export function chunkFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d+\.tsv$/.test(f))
    .sort((a, b) => parseInt(a) - parseInt(b))
    .map((f) => path.join(dir, f));
}

export function writeChunkCounts(dir: string, counts: number[]) {
  writeFileSync(path.join(dir, "rows.json"), JSON.stringify(counts));
}

/** The line count of each chunk, or null for a batch stored before rows.json was written. */
export function readChunkCounts(dir: string): number[] | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, "rows.json"), "utf8")) as number[];
  } catch {
    return null;
  }
}
