import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, tempDir } from "@/test/stores";
import type { Db } from "./db/client";
import { cleanFileName, receiveUpload, uploadsInDir, UploadTooLargeError } from "./uploads";

const streamOf = (chunks: Uint8Array[], failAfter?: number) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      chunks.forEach((ch, i) => {
        if (failAfter !== undefined && i === failAfter) c.error(new Error("client went away"));
        else if (failAfter === undefined || i < failAfter) c.enqueue(ch);
      });
      if (failAfter === undefined) c.close();
    },
  });

describe("uploaded exports are streamed to the data folder", () => {
  let db: Db;
  let close: () => Promise<void>;
  const dir = tempDir();
  let regionId: string;
  beforeAll(async () => {
    ({ db, close } = await openTestDb());
    regionId = (await db.region.create({ data: { code: "X", name: "X" } })).id;
  });
  afterAll(async () => {
    await close();
    dir.remove();
  });

  it("stores the bytes as sent, with their SHA-256, chunk by chunk", async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => new Uint8Array(64 * 1024).fill(i));
    const u = await receiveUpload(db, dir.dir, streamOf(chunks), {
      fileName: "absensi.csv",
      regionId,
      uploadedById: null,
      maxBytes: 10 * 1024 * 1024,
    });
    const bytes = readFileSync(path.join(dir.dir, u!.storedPath));
    expect(bytes.length).toBe(50 * 64 * 1024);
    expect(u!.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(u!.status).toBe("RECEIVED");
  });

  it("refuses what is over the limit or cut off, and keeps nothing of it", async () => {
    const big = Array.from({ length: 20 }, () => new Uint8Array(64 * 1024));
    await expect(
      receiveUpload(db, dir.dir, streamOf(big), {
        fileName: "a.csv",
        regionId,
        uploadedById: null,
        maxBytes: 1024 * 1024,
      }),
    ).rejects.toBeInstanceOf(UploadTooLargeError);
    await expect(
      receiveUpload(db, dir.dir, streamOf(big, 5), {
        fileName: "b.csv",
        regionId,
        uploadedById: null,
        maxBytes: 10 * 1024 * 1024,
      }),
    ).rejects.toThrow();
    expect(
      await receiveUpload(db, dir.dir, streamOf([]), {
        fileName: "c.csv",
        regionId,
        uploadedById: null,
        maxBytes: 1024,
      }),
    ).toBeNull();
    expect(readdirSync(uploadsInDir(dir.dir)).filter((f) => f.endsWith(".part"))).toEqual([]);
    expect(await db.sourceUpload.count()).toBe(1);
    expect(existsSync(uploadsInDir(dir.dir))).toBe(true);
  });

  it("keeps only a plain file name", () => {
    expect(cleanFileName("C:\\Users\\hr\\absensi nov.xlsx")).toBe("absensi nov.xlsx");
    expect(cleanFileName("../../etc/passwd\u0000.csv")).toBe("passwd.csv");
    expect(cleanFileName("")).toBe("berkas.csv");
  });
});
