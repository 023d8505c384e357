// Open data: a published report as JSON, in the documented format (docs/open-data.md). Public, CORS open.
import { findPublished } from "@/features/reports/server/reports";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ region: string; period: string }> }) {
  const { region, period } = await params;
  const v = new URL(req.url).searchParams.get("versi");
  const report = await findPublished(await getDb(), region, period, v && /^\d{1,4}$/.test(v) ? Number(v) : undefined);
  const headers = { "access-control-allow-origin": "*", "cache-control": "public, max-age=300" };
  if (!report)
    return Response.json(
      { error: { id: "Laporan tidak ditemukan.", en: "Report not found." } },
      { status: 404, headers },
    );
  return Response.json(
    {
      version: report.version,
      publishedAt: report.publishedAt.toISOString(),
      changeNote: report.changeNote,
      versions: report.versions.map((x) => ({
        version: x.version,
        publishedAt: x.publishedAt.toISOString(),
        changeNote: x.changeNote,
      })),
      ...report.data,
    },
    { headers },
  );
}
