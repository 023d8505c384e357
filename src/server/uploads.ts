// Attendance and e-Kinerja exports uploaded in the browser: the body is streamed to the data folder
// (never held in memory; a 200 MB export is fine), hashed on the way, and recorded as a SourceUpload.
// The ETL owner — this server on the embedded stores — imports it on its next run (started at once).
import { createHash } from "node:crypto";
import { createWriteStream, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ANY_CONTROL } from "@/lib/text";
import type { Db } from "./db/client";

export function uploadsInDir(dataDir: string) {
  return path.join(dataDir, "uploads-in");
}

export class UploadTooLargeError extends Error {}

/** A file name as the page shows it: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  return base.replace(new RegExp(ANY_CONTROL.source, "g"), "").trim().slice(0, 200) || "berkas.csv";
}

export async function receiveUpload(
  db: Db,
  dataDir: string,
  body: ReadableStream<Uint8Array>,
  input: { fileName: string; regionId: string; uploadedById: string | null; maxBytes: number },
) {
  const dir = uploadsInDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const ext = /\.xlsx$/i.test(input.fileName) ? "xlsx" : "csv";
  const part = path.join(dir, `${id}.part`);
  const hash = createHash("sha256");
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > input.maxBytes) return done(new UploadTooLargeError());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const out = createWriteStream(part);
  try {
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream), count, out);
  } catch (err) {
    // the file stream opens asynchronously: removed only once it has closed, or it would come back
    if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()));
    rmSync(part, { force: true });
    throw err;
  }
  if (bytes === 0) {
    rmSync(part, { force: true });
    return null;
  }
  const stored = path.join("uploads-in", `${id}.${ext}`);
  renameSync(part, path.join(dataDir, stored));
  return db.sourceUpload.create({
    data: {
      regionId: input.regionId,
      fileName: input.fileName,
      bytes: BigInt(bytes),
      sha256: hash.digest("hex"),
      storedPath: stored,
      uploadedById: input.uploadedById,
    },
  });
}
