// S3-compatible object storage (AWS S3, MinIO, Garage, Ceph RGW, R2, …) over plain fetch, signed with
// AWS Signature Version 4 by AWS's own signer (@smithy/signature-v4, what the AWS SDK signs with):
// three object calls do not justify the whole S3 client, and signing is not ours to re-implement.
// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
import { createHash } from "node:crypto";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import type { ObjectStore } from "./types";

export interface S3Options {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (default; what MinIO and most self-hosted servers expect) instead of `bucket.endpoint/key`. */
  forcePathStyle?: boolean;
}

// The disk driver's key shape. Here it also keeps `.`/`..` segments out of URLs, which fetch would
// resolve away, so a request could land on another key than the one that was signed.
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const REQUEST_TIMEOUT_MS = 60_000;

const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** RFC 3986 percent-encoding as SigV4 wants it: all but `A-Z a-z 0-9 - . _ ~` becomes %XX. */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface SignInput {
  method: string;
  /** Path already URI-encoded once (S3 does not normalise or double-encode it). */
  url: URL;
  headers: Record<string, string>;
  payloadHash: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service?: string;
  now: Date;
}

/**
 * Headers to send: the given ones (all of them signed, with `host`) plus x-amz-date,
 * x-amz-content-sha256 and authorization. Host itself is not returned: fetch sends it from the URL.
 */
export async function signV4(req: SignInput): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service: req.service ?? "s3",
    region: req.region,
    credentials: { accessKeyId: req.accessKeyId, secretAccessKey: req.secretAccessKey },
    sha256: Hash.bind(null, "sha256"),
    // S3 signs the path as sent, encoded once (the AWS SDK's S3 client does the same)
    uriEscapePath: false,
  });
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of req.url.searchParams) {
    const seen = query[k];
    query[k] = seen === undefined ? v : [...(Array.isArray(seen) ? seen : [seen]), v];
  }
  const headers: Record<string, string> = { host: req.url.host, "x-amz-content-sha256": req.payloadHash };
  for (const [name, value] of Object.entries(req.headers)) headers[name.toLowerCase()] = value;
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: req.url.protocol,
      hostname: req.url.hostname,
      port: req.url.port ? Number(req.url.port) : undefined,
      path: req.url.pathname,
      query,
      headers,
    },
    { signingDate: req.now },
  );
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers))
    if (name.toLowerCase() !== "host") out[name.toLowerCase()] = value;
  return out;
}

export class S3Store implements ObjectStore {
  readonly description: string;
  /** Everything before the encoded key, ending in `/`. */
  private readonly base: string;

  constructor(private readonly options: S3Options) {
    const endpoint = new URL(options.endpoint);
    const prefix = endpoint.pathname.replace(/\/+$/, "");
    const bucket = uriEncode(options.bucket);
    this.base =
      (options.forcePathStyle ?? true)
        ? `${endpoint.origin}${prefix}/${bucket}/`
        : `${endpoint.protocol}//${bucket}.${endpoint.host}${prefix}/`;
    this.description = `s3: ${this.base.slice(0, -1)}`;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.request("put", "PUT", key, bytes, contentType);
  }

  async get(key: string): Promise<Uint8Array | null> {
    const res = await this.request("get", "GET", key);
    return res ? new Uint8Array(await res.arrayBuffer()) : null;
  }

  async delete(key: string): Promise<void> {
    await this.request("delete", "DELETE", key);
  }

  /** The successful response, or null for a missing object; throws on everything else. */
  private async request(
    op: string,
    method: string,
    key: string,
    body?: Uint8Array,
    contentType?: string,
  ): Promise<Response | null> {
    if (!KEY.test(key) || key.includes("..")) throw new Error(`invalid storage key: ${key}`);
    const url = new URL(this.base + key.split("/").map(uriEncode).join("/"));
    const headers = await signV4({
      method,
      url,
      headers: contentType ? { "content-type": contentType } : {},
      // The real hash rather than UNSIGNED-PAYLOAD: the server then rejects a body damaged on the way.
      payloadHash: sha256Hex(body ?? ""),
      accessKeyId: this.options.accessKeyId,
      secretAccessKey: this.options.secretAccessKey,
      region: this.options.region,
      now: new Date(),
    });
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        // A copy of just the view's bytes, in a plain ArrayBuffer (what fetch's BodyInit accepts).
        body: body ? new Uint8Array(body) : undefined,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (e) {
      const reason = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      throw new Error(`S3 ${op} ${key} failed: ${reason}`, { cause: e });
    }
    if (res.ok) {
      if (method !== "GET") await res.arrayBuffer(); // frees the connection for reuse
      return res;
    }
    const code = /<Code>([^<]*)<\/Code>/.exec(await res.text().catch(() => ""))?.[1];
    // A missing object is null (GET) or already done (DELETE); a missing bucket is a setup error.
    if (res.status === 404 && method !== "PUT" && code !== "NoSuchBucket") return null;
    throw new Error(`S3 ${op} ${key} failed: HTTP ${res.status}${code ? ` ${code}` : ""}`);
  }
}
