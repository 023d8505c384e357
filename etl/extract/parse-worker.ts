// Worker thread: parses source files sent by the ETL's ParsePool (see parse-pool.ts).
import { parentPort } from "node:worker_threads";
import { EtlUserError } from "../context";
import { parseFile, type ParseContext } from "./parse";

export interface ParseTask {
  id: number;
  ctx: ParseContext;
  /** The file's bytes, transferred (not copied) from the main thread, which read them to hash them. */
  file: { name: string; bytes: Uint8Array; kind: "ATTENDANCE" | "EKINERJA" };
  out: { dir: string; today: number; chunkRows?: number };
}

parentPort!.on("message", (task: ParseTask) => {
  try {
    const result = parseFile(task.ctx, task.file, task.out);
    parentPort!.postMessage({ id: task.id, result });
  } catch (err) {
    if (err instanceof EtlUserError)
      parentPort!.postMessage({ id: task.id, userError: { id: err.messageId, en: err.messageEn } });
    else
      parentPort!.postMessage({ id: task.id, fatal: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
