// A published report as CSV (long rows: section, code, name, measure, value, suppressed), for Indonesian-locale Excel.
import { csvOf } from "@/lib/csv";
import { longRows } from "@/features/reports/format";
import { findPublished } from "@/features/reports/server/reports";
import { getLocale } from "@/i18n/server";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ region: string; period: string }> }) {
  const { region, period } = await params;
  const v = new URL(req.url).searchParams.get("versi");
  const report = await findPublished(await getDb(), region, period, v && /^\d{1,4}$/.test(v) ? Number(v) : undefined);
  if (!report) return new Response("Laporan tidak ditemukan / report not found", { status: 404 });
  const rows = longRows(report.data, await getLocale());
  const body = csvOf([["bagian", "kode", "nama", "ukuran", "nilai", "disembunyikan"], ...rows]);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="laporan-${report.regionCode}-${report.period}-v${report.version}.csv"`,
      "cache-control": "public, max-age=300",
    },
  });
}
