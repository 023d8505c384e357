// A small pool of worker threads that parse source files while the main thread loads ClickHouse.
// Used by the command-line ETL (and the benchmark); the web server parses in its own thread.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { EtlUserError } from "../context";
import type { ParseResult } from "./parse";
import type { ParseTask } from "./parse-worker";

/**
 * A parse worker's young generation (three semi-spaces of 128 MiB): see the constructor. The environment's
 * PANTAU_PARSE_YOUNG_MB overrides it for a comparison (0: V8's default).
 */
export const PARSE_YOUNG_GENERATION_MB = 384;
/** The young generation a worker gets when the caller does not say: the environment's, else the constant; null = V8's default. */
function defaultYoungGeneration(): number | null {
  const v = process.env.PANTAU_PARSE_YOUNG_MB;
  if (v === undefined || v === "" || !Number.isFinite(Number(v))) return PARSE_YOUNG_GENERATION_MB;
  return Number(v) || null;
}

type Pending = { resolve: (r: ParseResult) => void; reject: (e: Error) => void };

export class ParsePool {
  private workers: { worker: Worker; busy: boolean }[] = [];
  private queue: { task: ParseTask; pending: Pending }[] = [];
  private pending = new Map<number, Pending>();
  private nextId = 1;

  /** `youngGenerationMb: null` leaves V8's default (the parse benchmark compares the two). */
  constructor(size = Math.max(1, os.availableParallelism()), opts: { youngGenerationMb?: number | null } = {}) {
    const young = opts.youngGenerationMb === undefined ? defaultYoungGeneration() : opts.youngGenerationMb;
    for (let i = 0; i < size; i++) {
      // The worker code is TypeScript: a small JavaScript entry registers tsx first. Parsing makes a few
      // short-lived strings and objects per row: with V8's default young generation (16 MiB semi-spaces)
      // a third of a worker's time went to scavenges that copied the still-live rows of the batch; 128 MiB
      // semi-spaces cut it to about a sixth (etl/bench/parse.ts prints both settings).
      const worker = new Worker(new URL("./parse-worker-boot.mjs", import.meta.url), {
        execArgv: [],
        ...(young ? { resourceLimits: { maxYoungGenerationSizeMb: young } } : {}),
      });
      const slot = { worker, busy: false };
      worker.on(
        "message",
        (msg: { id: number; result?: ParseResult; userError?: { id: string; en: string }; fatal?: string }) => {
          const p = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          slot.busy = false;
          if (msg.result) p?.resolve(msg.result);
          else if (msg.userError) p?.reject(new EtlUserError(msg.userError.id, msg.userError.en));
          else p?.reject(new Error(`parse worker: ${msg.fatal}`));
          this.pump();
        },
      );
      worker.on("error", (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      this.workers.push(slot);
    }
  }

  parse(task: Omit<ParseTask, "id">): Promise<ParseResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, pending: { resolve, reject } });
      this.pump();
    });
  }

  private pump() {
    for (const slot of this.workers) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.busy = true;
      this.pending.set(next.task.id, next.pending);
      const bytes = next.task.file.bytes;
      const whole =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      slot.worker.postMessage(next.task, whole ? [bytes.buffer as ArrayBuffer] : []);
    }
  }

  async close() {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
