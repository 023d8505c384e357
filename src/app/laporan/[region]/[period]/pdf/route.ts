// A published report as PDF, drawn on the server (PDFKit).
import { reportPdf } from "@/features/reports/server/pdf";
import { findPublished } from "@/features/reports/server/reports";
import { getTranslator } from "@/i18n/server";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ region: string; period: string }> }) {
  const { region, period } = await params;
  const v = new URL(req.url).searchParams.get("versi");
  const report = await findPublished(await getDb(), region, period, v && /^\d{1,4}$/.test(v) ? Number(v) : undefined);
  if (!report) return new Response("Laporan tidak ditemukan / report not found", { status: 404 });
  const { t, locale } = await getTranslator();
  const pdf = await reportPdf(report.data, report, t, locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="laporan-${report.regionCode}-${report.period}-v${report.version}.pdf"`,
      "cache-control": "public, max-age=300",
    },
  });
}
