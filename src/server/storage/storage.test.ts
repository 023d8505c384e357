import { createHash, createHmac } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiskStore, objectStoreFrom, S3Store, type ObjectStore } from "./index";
import { signV4, uriEncode } from "./s3";

const KEY = "requests/42/a1b2_c3-d4.pdf";
// Every byte value, so an encoding slip anywhere on the way shows.
const BYTES = Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256);

describe("DiskStore", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "pantau-disk-"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("stores, reads back and deletes an object, leaving no temporary file", async () => {
    const store: ObjectStore = new DiskStore(root);
    expect(store.description).toBe(`disk: ${root}`);
    await store.put(KEY, BYTES, "application/pdf");
    expect(Buffer.from((await store.get(KEY))!)).toEqual(Buffer.from(BYTES));
    expect(await readdir(path.join(root, "requests", "42"))).toEqual(["a1b2_c3-d4.pdf"]);
    await store.delete(KEY);
    expect(await store.get(KEY)).toBeNull();
  });

  it("returns null for a missing object and deletes a missing object quietly", async () => {
    const store = new DiskStore(root);
    expect(await store.get("requests/1/nothing.pdf")).toBeNull();
    await expect(store.delete("requests/1/nothing.pdf")).resolves.toBeUndefined();
    await expect(store.delete("requests/1/nothing.pdf")).resolves.toBeUndefined();
  });

  it("sweeps what a killed upload left (old .tmp files, unrecorded documents, empty folders) and nothing recent or recorded", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pantau-sweep-"));
    const store = new DiskStore(dir);
    const old = (Date.now() - 2 * 3600_000) / 1000;
    const file = (...p: string[]) => path.join(dir, ...p);
    await store.put("requests/r1/kept.pdf", BYTES);
    await store.put("requests/r1/orphan.pdf", BYTES);
    await store.put("requests/r2/orphan.pdf", BYTES);
    await store.put("requests/r3/fresh.pdf", BYTES);
    await writeFile(file("requests", "r1", "half.pdf.123.tmp"), "x");
    await mkdir(file("requests", "r4"), { recursive: true });
    for (const f of [
      "requests/r1/kept.pdf",
      "requests/r1/orphan.pdf",
      "requests/r2/orphan.pdf",
      "requests/r1/half.pdf.123.tmp",
    ])
      await utimes(file(...f.split("/")), old, old);
    for (const d of ["requests/r2", "requests/r4"]) await utimes(file(...d.split("/")), old, old);
    const asked: string[] = [];
    const removed = await store.sweep(async (keys) => {
      asked.push(...keys);
      return new Set(keys.filter((k) => k === "requests/r1/kept.pdf"));
    });
    expect(asked.sort()).toEqual(["requests/r1/kept.pdf", "requests/r1/orphan.pdf", "requests/r2/orphan.pdf"]);
    expect(removed).toEqual({ files: 3, folders: 1 });
    expect((await readdir(file("requests"))).sort()).toEqual(["r1", "r2", "r3"]); // r2 was just emptied, so it waits for the next sweep
    expect(await readdir(file("requests", "r1"))).toEqual(["kept.pdf"]);
    expect(await readdir(file("requests", "r3"))).toEqual(["fresh.pdf"]);
    await rm(dir, { recursive: true, force: true });
  });

  it.each(["../x", "requests/../../etc/passwd", "/etc/passwd", "a//b", "a/.hidden", "a\\b", ""])(
    "rejects the key %j",
    async (key) => {
      const store: ObjectStore = new DiskStore(root);
      await expect(store.put(key, BYTES, "text/plain")).rejects.toThrow(/invalid storage key/);
      await expect(store.get(key)).rejects.toThrow(/invalid storage key/);
      await expect(store.delete(key)).rejects.toThrow(/invalid storage key/);
    },
  );
});

// ── SigV4, checked against AWS's published examples ─────────────────────────────────────────────
// https://docs.aws.amazon.com/general/latest/gr/signature-v4-examples.html (signing key) and
// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (S3 requests).
const DOC = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  region: "us-east-1",
};
const DOC_NOW = new Date("2013-05-24T00:00:00Z");
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const signatureOf = (authorization: string | undefined) => /Signature=([0-9a-f]{64})$/.exec(authorization ?? "")?.[1];

describe("SigV4 signing", () => {
  it("signs the documented GET Object example", async () => {
    const headers = await signV4({
      ...DOC,
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      headers: { Range: "bytes=0-9" },
      payloadHash: EMPTY_SHA256,
      now: DOC_NOW,
    });
    expect(headers["x-amz-date"]).toBe("20130524T000000Z");
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, " +
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  // AWS's PUT example also signs a Date header; the signer replaces Date by x-amz-date (Pantau never
  // sends Date), so the same request without it is checked by the independent verifier further down.
  it("signs the documented PUT Object request (escaped key, real payload hash)", async () => {
    const body = "Welcome to Amazon S3.";
    const headers = await signV4({
      ...DOC,
      method: "PUT",
      url: new URL(`https://examplebucket.s3.amazonaws.com/${uriEncode("test$file.text")}`),
      headers: { "x-amz-storage-class": "REDUCED_REDUNDANCY" },
      payloadHash: sha256Hex(body),
      now: DOC_NOW,
    });
    expect(headers["x-amz-content-sha256"]).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    expect(headers.authorization).toContain("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,");
    expect(signatureOf(headers.authorization)).toBe(
      expectedSignature({
        method: "PUT",
        rawPath: "/test%24file.text",
        rawQuery: "",
        headers: { ...headers, host: "examplebucket.s3.amazonaws.com" },
        signedHeaders: ["host", "x-amz-content-sha256", "x-amz-date", "x-amz-storage-class"],
        amzDate: "20130524T000000Z",
        region: "us-east-1",
        secret: DOC.secretAccessKey,
      }),
    );
  });

  it("signs the documented GET Bucket Lifecycle example (query string)", async () => {
    const headers = await signV4({
      ...DOC,
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/?lifecycle"),
      headers: {},
      payloadHash: EMPTY_SHA256,
      now: DOC_NOW,
    });
    expect(signatureOf(headers.authorization)).toBe("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
  });

  it("percent-encodes as SigV4 asks", () => {
    expect(uriEncode("a b*(c)!'~-_.$/é")).toBe("a%20b%2A%28c%29%21%27~-_.%24%2F%C3%A9");
  });
});

// ── A small S3 server that checks every signature on its own ────────────────────────────────────
// Written apart from s3.ts (own canonicalisation from the request as it arrives) and itself checked
// against the AWS GET Object example below, so a signing mistake in s3.ts cannot pass both.
const CREDS = { accessKeyId: "PANTAUTESTKEY", secretAccessKey: "s3cr3t/K7MDENG+pantau", region: "ap-southeast-3" };
const BUCKET = "pantau-docs";

function rfc3986(s: string): string {
  let out = "";
  for (const byte of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function expectedSignature(r: {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string>;
  signedHeaders: string[];
  amzDate: string;
  region: string;
  secret: string;
}): string {
  const canonicalUri = r.rawPath
    .split("/")
    .map((seg) => rfc3986(decodeURIComponent(seg)))
    .join("/");
  const canonicalQuery = r.rawQuery
    .split("&")
    .filter(Boolean)
    .map((pair) => pair.split("=").map((part) => rfc3986(decodeURIComponent(part))))
    .map(([k, v = ""]) => `${k}=${v}`)
    .sort()
    .join("&");
  const canonicalHeaders = r.signedHeaders
    .map((h) => `${h}:${(r.headers[h] ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const canonical = [
    r.method,
    canonicalUri,
    canonicalQuery,
    canonicalHeaders,
    r.signedHeaders.join(";"),
    r.headers["x-amz-content-sha256"],
  ].join("\n");
  const day = r.amzDate.slice(0, 8);
  const scope = `${day}/${r.region}/s3/aws4_request`;
  let key: Buffer = createHmac("sha256", `AWS4${r.secret}`).update(day).digest();
  for (const part of [r.region, "s3", "aws4_request"]) key = createHmac("sha256", key).update(part).digest();
  const toSign = `AWS4-HMAC-SHA256\n${r.amzDate}\n${scope}\n${createHash("sha256").update(canonical).digest("hex")}`;
  return createHmac("sha256", key).update(toSign).digest("hex");
}

const s3Error = (status: number, code: string) => ({
  status,
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message></Error>`,
});

/** Null when the request is properly signed, else the S3 error to answer with. */
function checkSignature(req: IncomingMessage, body: Buffer): { status: number; body: string } | null {
  const auth =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      req.headers.authorization ?? "",
    );
  if (!auth) return s3Error(400, "AuthorizationHeaderMalformed");
  const [, accessKeyId, day, region, signedHeaderList, signature] = auth as unknown as string[];
  if (accessKeyId !== CREDS.accessKeyId) return s3Error(403, "InvalidAccessKeyId");
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  const when = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"));
  if (region !== CREDS.region || day !== amzDate.slice(0, 8) || !(Math.abs(Date.now() - when) < 15 * 60_000)) {
    return s3Error(403, "SignatureDoesNotMatch");
  }
  const signedHeaders = signedHeaderList!.split(";");
  for (const required of ["host", "x-amz-date", "x-amz-content-sha256"]) {
    if (!signedHeaders.includes(required)) return s3Error(403, "AccessDenied");
  }
  const payloadHash = String(req.headers["x-amz-content-sha256"]);
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== createHash("sha256").update(body).digest("hex")) {
    return s3Error(400, "XAmzContentSHA256Mismatch");
  }
  const [rawPath = "", rawQuery = ""] = (req.url ?? "").split("?");
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)]),
  );
  const expected = expectedSignature({
    method: req.method!,
    rawPath,
    rawQuery,
    headers,
    signedHeaders,
    amzDate,
    region: region!,
    secret: CREDS.secretAccessKey,
  });
  return expected === signature ? null : s3Error(403, "SignatureDoesNotMatch");
}

interface Stored {
  bytes: Buffer;
  contentType: string;
}

async function startS3(): Promise<{
  server: Server;
  endpoint: string;
  objects: Map<string, Stored>;
  requests: string[];
}> {
  const objects = new Map<string, Stored>();
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    requests.push(`${req.method} ${req.url}`);
    const reply = (status: number, payload: string | Buffer = "", type = "application/xml") => {
      res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(payload) }).end(payload);
    };
    const denied = checkSignature(req, body);
    if (denied) return reply(denied.status, denied.body);
    const [, bucket, ...rest] = (req.url ?? "").split("?")[0]!.split("/").map(decodeURIComponent);
    if (bucket !== BUCKET) return reply(404, s3Error(404, "NoSuchBucket").body);
    const key = rest.join("/");
    if (req.method === "PUT") {
      objects.set(key, { bytes: body, contentType: String(req.headers["content-type"]) });
      return reply(200);
    }
    if (req.method === "GET") {
      const found = objects.get(key);
      return found ? reply(200, found.bytes, found.contentType) : reply(404, s3Error(404, "NoSuchKey").body);
    }
    if (req.method === "DELETE") {
      objects.delete(key);
      return reply(204);
    }
    reply(405, s3Error(405, "MethodNotAllowed").body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, objects, requests };
}

describe("S3Store against a signature-checking server", () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  const store = () => new S3Store({ endpoint: s3.endpoint, bucket: BUCKET, ...CREDS });

  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(() => new Promise<void>((resolve) => s3.server.close(() => resolve())));

  it("has a verifier that agrees with AWS's GET Object example", () => {
    expect(
      expectedSignature({
        method: "GET",
        rawPath: "/test.txt",
        rawQuery: "",
        headers: {
          host: "examplebucket.s3.amazonaws.com",
          range: "bytes=0-9",
          "x-amz-content-sha256": EMPTY_SHA256,
          "x-amz-date": "20130524T000000Z",
        },
        signedHeaders: ["host", "range", "x-amz-content-sha256", "x-amz-date"],
        amzDate: "20130524T000000Z",
        region: "us-east-1",
        secret: DOC.secretAccessKey,
      }),
    ).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  });

  it("puts, gets and deletes an object with path-style URLs", async () => {
    const s = store();
    expect(s.description).toBe(`s3: ${s3.endpoint}/${BUCKET}`);
    await s.put(KEY, BYTES, "application/pdf");
    expect(s3.requests.at(-1)).toBe(`PUT /${BUCKET}/${KEY}`);
    expect(s3.objects.get(KEY)?.contentType).toBe("application/pdf");
    expect(Buffer.from(s3.objects.get(KEY)!.bytes)).toEqual(Buffer.from(BYTES));

    const back = await s.get(KEY);
    expect(back).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back!)).toEqual(Buffer.from(BYTES));

    await s.delete(KEY);
    expect(s3.objects.has(KEY)).toBe(false);
    expect(await s.get(KEY)).toBeNull();
    await expect(s.delete(KEY)).resolves.toBeUndefined();
  });

  it("stores an empty object", async () => {
    const s = store();
    await s.put("requests/7/empty.txt", new Uint8Array(), "text/plain");
    expect((await s.get("requests/7/empty.txt"))?.byteLength).toBe(0);
  });

  it("sends only the bytes of a Uint8Array view, not its whole buffer", async () => {
    const view = new Uint8Array(BYTES.buffer, 10, 20);
    await store().put("requests/7/view.bin", view, "application/octet-stream");
    expect(Buffer.from(s3.objects.get("requests/7/view.bin")!.bytes)).toEqual(Buffer.from(BYTES.subarray(10, 30)));
  });

  it("names operation, key, status and S3 code on a refused request, never the secret", async () => {
    const wrong = new S3Store({ endpoint: s3.endpoint, bucket: BUCKET, ...CREDS, secretAccessKey: "not-the-secret" });
    const error = await wrong.put(KEY, BYTES, "application/pdf").then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toBe(`S3 put ${KEY} failed: HTTP 403 SignatureDoesNotMatch`);
    expect(error?.message).not.toContain("not-the-secret");
    await expect(wrong.get(KEY)).rejects.toThrow(`S3 get ${KEY} failed: HTTP 403 SignatureDoesNotMatch`);
    await expect(wrong.delete(KEY)).rejects.toThrow(`S3 delete ${KEY} failed: HTTP 403 SignatureDoesNotMatch`);
  });

  it("treats a missing bucket as an error, not as a missing object", async () => {
    const other = new S3Store({ endpoint: s3.endpoint, bucket: "no-such-bucket", ...CREDS });
    await expect(other.get(KEY)).rejects.toThrow(`S3 get ${KEY} failed: HTTP 404 NoSuchBucket`);
    await expect(other.delete(KEY)).rejects.toThrow(`S3 delete ${KEY} failed: HTTP 404 NoSuchBucket`);
  });

  it("rejects bad keys before sending anything", async () => {
    const before = s3.requests.length;
    for (const key of ["../x", `${BUCKET}/../../x`, "a/./b", "/abs", ""]) {
      await expect(store().put(key, BYTES, "text/plain")).rejects.toThrow(/invalid storage key/);
      await expect(store().get(key)).rejects.toThrow(/invalid storage key/);
    }
    expect(s3.requests.length).toBe(before);
  });

  it("reports an unreachable server with the operation and key", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dead = new S3Store({ endpoint: `http://127.0.0.1:${port}`, bucket: BUCKET, ...CREDS });
    await expect(dead.get(KEY)).rejects.toThrow(new RegExp(`^S3 get ${KEY} failed: .*ECONNREFUSED`));
  });

  it("builds virtual-hosted URLs when path style is off, keeping an endpoint path prefix", () => {
    expect(
      new S3Store({ endpoint: "https://s3.example.go.id/", bucket: BUCKET, ...CREDS, forcePathStyle: false })
        .description,
    ).toBe(`s3: https://${BUCKET}.s3.example.go.id`);
    expect(new S3Store({ endpoint: "https://gw.example.go.id/storage/", bucket: BUCKET, ...CREDS }).description).toBe(
      `s3: https://gw.example.go.id/storage/${BUCKET}`,
    );
  });
});

describe("objectStoreFrom", () => {
  it("uses the uploads folder in the data folder by default", () => {
    const store = objectStoreFrom({ dataDir: "/srv/pantau" });
    expect(store).toBeInstanceOf(DiskStore);
    expect(store.description).toBe("disk: /srv/pantau/uploads");
  });

  it("uses S3 when a bucket is configured", () => {
    const store = objectStoreFrom({
      dataDir: "/srv/pantau",
      S3_ENDPOINT: "http://minio:9000",
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
    });
    expect(store).toBeInstanceOf(S3Store);
    expect(store.description).toBe(`s3: http://minio:9000/${BUCKET}`);
  });

  it("refuses a bucket without endpoint or credentials, naming what is missing", () => {
    expect(() =>
      objectStoreFrom({
        dataDir: "/srv/pantau",
        S3_BUCKET: BUCKET,
        S3_ACCESS_KEY_ID: "id",
        S3_SECRET_ACCESS_KEY: "secret",
      }),
    ).toThrow(/S3_ENDPOINT/);
    expect(() =>
      objectStoreFrom({ dataDir: "/srv/pantau", S3_BUCKET: BUCKET, S3_ENDPOINT: "http://minio:9000" }),
    ).toThrow(
      "S3_BUCKET diisi, tetapi S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY belum diisi. / S3_BUCKET is set, but S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are missing.",
    );
  });
});
