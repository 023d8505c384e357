// Addresses Pantau used before its URLs were all Indonesian (Dec 2026), and what they are now. Old links
// (bookmarks, printed QR codes, e-mailed one-time links) keep working: next.config.js answers an old path
// with a permanent redirect to the new one, and src/proxy.ts does the same for old query parameter names.

/**
 * Old path prefix → new path prefix; a longer prefix before a shorter one it starts with.
 * @type {[string, string][]}
 */
export const RENAMED_PATHS = [
  ["/dashboard/attendance", "/dasbor/kehadiran"],
  ["/dashboard/satisfaction", "/dasbor/kepuasan"],
  ["/dashboard/scorecard", "/dasbor/rapor"],
  ["/dashboard/services", "/dasbor/layanan"],
  ["/dashboard/units", "/dasbor/unit"],
  ["/dashboard", "/dasbor"],
  ["/admin/survey/handlers", "/admin/survei/petugas"],
  ["/admin/survey", "/admin/survei"],
  ["/admin/users", "/admin/pengguna"],
  ["/api/kepatuhan/export", "/api/ekspor/kepatuhan"],
  ["/api/survey/export", "/api/ekspor/survei"],
  ["/api/open-data", "/api/data-terbuka"],
  ["/data/batches", "/data/berkas"],
  ["/data/master", "/data/induk"],
  ["/login", "/masuk"],
  ["/me", "/saya"],
  ["/setup", "/aktivasi"],
];

/**
 * Old query parameter name → new name, on every page.
 * @type {Record<string, string>}
 */
export const RENAMED_PARAMS = {
  error: "galat",
  page: "hal",
  from: "dari",
  to: "sampai",
  period: "periode",
  unitId: "unit",
  serviceTypeId: "layanan",
  field: "kolom",
  fields: "kolom",
  invite: "undangan",
  periodError: "galatPeriode",
  inviteError: "galatUndangan",
  number: "nomor",
  saved: "tersimpan",
  created: "dibuat",
  remap: "petakan",
  applied: "diterapkan",
  complete: "lengkap",
  asOf: "per",
  kind: "jenis",
  u: "pengguna",
};

/** next.config.js redirects for the old paths (the query string travels with them). */
export function pathRedirects() {
  return RENAMED_PATHS.flatMap(([from, to]) => [
    { source: from, destination: to, permanent: true },
    { source: `${from}/:rest*`, destination: `${to}/:rest*`, permanent: true },
  ]);
}
