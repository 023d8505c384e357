import createNextIntlPlugin from "next-intl/plugin";
import { FORM_BODY_LIMIT_MB } from "./scripts/limits.mjs";
import { pathRedirects } from "./scripts/renamed-urls.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and wasm engines stay outside the bundle and load from node_modules at run time.
  serverExternalPackages: [
    "chdb",
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@clickhouse/client",
    "pg",
    "nodemailer",
    // PDFKit reads its font metrics (.afm) from its own folder at run time.
    "pdfkit",
    "exceljs",
  ],
  experimental: {
    authInterrupts: true,
    // Request forms carry their documents (UPLOAD_MAX_MB each, checked per file by the server); this is
    // the whole form's cap. A larger post is answered by scripts/server.mjs before Next.js reads it.
    serverActions: { bodySizeLimit: `${FORM_BODY_LIMIT_MB}mb` },
  },
  poweredByHeader: false,
  // Headers that never change, on every answer (the CSP with its nonce is set per request in src/proxy.ts).
  // Addresses from before the URLs were all Indonesian answer with a permanent redirect (scripts/renamed-urls.mjs).
  async redirects() {
    return pathRedirects();
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          // one-time survey links carry their token in the path: it never leaves the site in a Referer
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
  typedRoutes: false,
  // Type-check and lint run in `npm test`; the build need not do them again.
  typescript: { ignoreBuildErrors: true },
};

// next-intl finds the request configuration (the reader's language and messages) through this plugin.
export default createNextIntlPlugin("./src/i18n/request.ts")(nextConfig);
