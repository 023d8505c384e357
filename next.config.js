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
    // Request forms carry their documents (UPLOAD_MAX_MB each, checked per file by the server); this is the whole form's cap.
    // (a service asks for at most four documents of at most 10 MB, UPLOAD_MAX_MB's ceiling).
    serverActions: { bodySizeLimit: "45mb" },
  },
  poweredByHeader: false,
  typedRoutes: false,
  // Type-check and lint run in `npm test`; the build need not do them again.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
