import path from "node:path";
import { DiskStore } from "./disk";
import { S3Store } from "./s3";
import type { ObjectStore } from "./types";

export type { ObjectStore } from "./types";
export type { S3Options } from "./s3";
export { DiskStore, S3Store };

export interface StorageConfig {
  dataDir: string;
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  /** Defaults to us-east-1, which MinIO and most S3-compatible servers accept. */
  S3_REGION?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
}

/** S3-compatible storage when S3_BUCKET is set, else the `uploads` folder in the data folder. */
export function objectStoreFrom(config: StorageConfig): ObjectStore {
  if (!config.S3_BUCKET) return new DiskStore(path.join(config.dataDir, "uploads"));
  // No AWS default endpoint: a half-configured store should stop the start, not send documents elsewhere.
  const { S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  if (!endpoint || !accessKeyId || !secretAccessKey) {
    const missing = (["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter(
      (name) => !config[name],
    );
    const names = missing.join(", ");
    throw new Error(
      `S3_BUCKET diisi, tetapi ${names} belum diisi. / S3_BUCKET is set, but ${names} ${missing.length > 1 ? "are" : "is"} missing.`,
    );
  }
  return new S3Store({
    endpoint,
    bucket: config.S3_BUCKET,
    region: config.S3_REGION || "us-east-1",
    accessKeyId,
    secretAccessKey,
  });
}
