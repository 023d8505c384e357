// Where uploaded documents live: one small interface, two drivers (a folder in the data folder by
// default, S3-compatible object storage when S3_BUCKET is configured). Keys are made by Pantau
// (never user text): `requests/<requestId>/<random>.<ext>`.
export interface ObjectStore {
  /** Describes where objects go, for logs ("disk: /data/uploads", "s3: https://…/bucket"). */
  readonly description: string;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
}
