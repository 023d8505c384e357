// Pantau's web server: Next.js behind the one decision Next cannot make — which peer to believe about
// the client's address. `next start` passes a client's own X-Forwarded-For through, so anyone could
// pick the address that throttling and the audit log see. Here the forwarded headers count only when
// the connection comes from a proxy named in TRUSTED_PROXIES (empty: none, the socket's address is
// the client); the app then reads one X-Forwarded-For value that this server wrote.
//   node scripts/server.mjs [--dev] [-p 3000] [-H 0.0.0.0]      (npm start / npm run dev)
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { rewriteForwarded, trustFrom } from "./forwarded.mjs";
import { FORM_BODY_LIMIT_MB } from "./limits.mjs";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
});
const dev = values.dev;
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";

let trust;
try {
  trust = trustFrom(process.env.TRUSTED_PROXIES);
} catch (err) {
  console.error(`Konfigurasi lingkungan tidak valid / invalid environment:\n  - TRUSTED_PROXIES: ${err.message}`);
  process.exit(1);
}

// Marks this process as served through here, so the app knows X-Forwarded-For is this server's own.
globalThis[Symbol.for("pantau.clientAddress")] = true;

const app = next({ dev, hostname, port, turbopack: dev });
await app.prepare();
const handle = app.getRequestHandler();

const FORM_BODY_LIMIT = FORM_BODY_LIMIT_MB * 1024 * 1024;

/**
 * A post larger than any form of Pantau's (Next.js would refuse it mid-read with a 500): answered at
 * once with what is wrong, in both languages, and a way back. The forms check each file's size in the
 * browser first, so this is what a browser without JavaScript, or a client of its own, sees.
 */
function tooLarge(req, res) {
  // back to the form the post came from: a plain path of this site (else the start page), escaped
  let back = "/";
  try {
    const ref = new URL(String(req.headers.referer ?? ""));
    const path = ref.pathname + ref.search;
    if (ref.host === req.headers.host && /^\/(?![/\\])[\w\-/]*(\?[\w\-=&%.]*)?$/.test(path))
      back = path.replace(/&/g, "&amp;");
  } catch {
    // no usable Referer
  }
  // the body is read and dropped, then answered (a browser that is still sending would miss an early answer);
  // one that sends far beyond any form is cut off
  let drained = 0;
  req.on("data", (chunk) => {
    drained += chunk.length;
    if (drained > 4 * FORM_BODY_LIMIT) req.destroy();
  });
  req.on("end", () => answerTooLarge(res, back));
}

function answerTooLarge(res, back) {
  res.writeHead(413, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Berkas terlalu besar</title>
<main style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">
<h1>Berkas terlalu besar</h1><p>Kiriman ini lebih dari ${FORM_BODY_LIMIT_MB} MB. Setiap dokumen paling banyak sebesar batas unggah yang tertulis di formulir; perkecil berkasnya (misalnya pindai ulang dengan resolusi lebih rendah) lalu kirim lagi.</p>
<p lang="en">The upload is larger than ${FORM_BODY_LIMIT_MB} MB. Each document may be at most the upload limit shown on the form; make the file smaller and send it again.</p>
<p><a href="${back}">Kembali ke formulir / back to the form</a></p></main></html>`);
}

// A control character in the address (%00, %0A, %09 …, or a malformed escape): no page or API of
// Pantau's has one, and a NUL would otherwise reach the database.
const CONTROL = /[\u0000-\u001f\u007f]/;
function badAddress(url) {
  try {
    return CONTROL.test(decodeURIComponent((url ?? "").replace(/\+/g, " ")));
  } catch {
    return true;
  }
}

const server = http.createServer((req, res) => {
  if (rewriteForwarded(req, trust)) res.setHeader("strict-transport-security", "max-age=31536000; includeSubDomains");
  if (badAddress(req.url)) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    return res.end("Alamat tidak valid / invalid address");
  }
  // API answers may hold personal data: never cached (the open data excepted)
  if (req.url?.startsWith("/api/") && !req.url.startsWith("/api/data-terbuka/"))
    res.setHeader("cache-control", "no-store");
  // Source exports are streamed to the data folder by /api/impor, which holds them to IMPORT_MAX_MB itself.
  if (
    req.method === "POST" &&
    Number(req.headers["content-length"] ?? 0) > FORM_BODY_LIMIT &&
    !/^\/api\/impor(\?|$)/.test(req.url ?? "")
  )
    return tooLarge(req, res);
  handle(req, res);
});
// Node cuts any request off after 5 minutes by default; a 200 MB export over a district's link takes
// longer. Slow or stalled senders are still bounded: headers within 60 s, and the reverse proxy's
// per-read timeouts (deploy/nginx-pantau.conf) for the body.
server.requestTimeout = 0;
server.headersTimeout = 60_000;
server.listen(port, hostname, () => {
  console.log(`[pantau] listening on http://${hostname}:${port}${dev ? " (development)" : ""}`);
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
