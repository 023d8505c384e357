// Uploaded documents: checked by their bytes (not by the name or the type the browser claims), stored
// in the object store under a key Pantau makes, recorded on the request. A refused or failed
// submission leaves no stored bytes behind.
import { createHash, randomBytes } from "node:crypto";
import type { ObjectStore } from "@/server/storage/types";
import type { FieldError } from "../forms";

/** An uploaded file as a form gives it (a web File fits). */
export interface UploadFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export const ACCEPTED_TYPES = { "application/pdf": "pdf", "image/jpeg": "jpg" } as const;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;

/** The file type from its first bytes: PDF starts with "%PDF-", JPEG with FF D8 FF. */
export function sniffType(bytes: Uint8Array): AcceptedType | null {
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-") return "application/pdf";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

export interface CheckedUpload {
  fileName: string;
  contentType: AcceptedType;
  bytes: Uint8Array;
  sha256: string;
}

/**
 * A browser sends an empty, nameless file part when nothing was chosen (and Next.js's server action
 * decoding names it "undefined"); an empty file the user did choose keeps its name and is refused as empty.
 */
export function isChosen(file: UploadFile | null | undefined): file is UploadFile {
  return !!file && (file.size > 0 || (file.name !== "" && file.name !== "undefined"));
}

/** The file's checked content, or why it is refused. */
export async function checkUpload(
  file: UploadFile,
  maxBytes: number,
): Promise<{ ok: true; upload: CheckedUpload } | { ok: false; error: FieldError }> {
  const name = cleanName(file.name);
  if (file.size === 0) return { ok: false, error: { key: "requests.error.document.empty", vars: { name } } };
  if (file.size > maxBytes)
    return {
      ok: false,
      error: { key: "requests.error.document.size", vars: { name, max: Math.floor(maxBytes / (1024 * 1024)) } },
    };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) return { ok: false, error: { key: "requests.error.document.empty", vars: { name } } };
  if (bytes.length > maxBytes)
    return {
      ok: false,
      error: { key: "requests.error.document.size", vars: { name, max: Math.floor(maxBytes / (1024 * 1024)) } },
    };
  const contentType = sniffType(bytes);
  if (!contentType) return { ok: false, error: { key: "requests.error.document.type", vars: { name } } };
  return {
    ok: true,
    upload: { fileName: name, contentType, bytes, sha256: createHash("sha256").update(bytes).digest("hex") },
  };
}

/** A file name safe to show and to send back in a download header. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, "_")
    .trim()
    .slice(-120);
  return cleaned || "berkas";
}

export interface StoredDocument {
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/** Puts the uploads into the store; if one fails, removes those already put and throws. */
export async function storeUploads(
  store: ObjectStore,
  requestId: string,
  uploads: { kind: string; upload: CheckedUpload }[],
): Promise<StoredDocument[]> {
  const stored: StoredDocument[] = [];
  try {
    for (const { kind, upload } of uploads) {
      const storageKey = `requests/${requestId}/${randomBytes(12).toString("hex")}.${ACCEPTED_TYPES[upload.contentType]}`;
      await store.put(storageKey, upload.bytes, upload.contentType);
      stored.push({
        kind,
        fileName: upload.fileName,
        contentType: upload.contentType,
        size: upload.bytes.length,
        sha256: upload.sha256,
        storageKey,
      });
    }
    return stored;
  } catch (e) {
    await removeStored(store, stored);
    throw e;
  }
}

export async function removeStored(store: ObjectStore, docs: readonly { storageKey: string }[]): Promise<void> {
  await Promise.allSettled(docs.map((d) => store.delete(d.storageKey)));
}
