// Open data: the list of published reports, with the address of each one's JSON.
import { publishedIndex } from "@/features/reports/server/reports";
import { REPORT_SCHEMA } from "@/features/reports/schemas";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const rows = await publishedIndex(await getDb());
  return Response.json(
    {
      schema: REPORT_SCHEMA,
      reports: rows.map((r) => ({
        region: r.regionCode,
        period: r.period,
        version: r.version,
        publishedAt: r.publishedAt.toISOString(),
        json: `/api/data-terbuka/laporan/${r.regionCode}/${r.period}`,
        page: `/laporan/${r.regionCode}/${r.period}`,
      })),
    },
    { headers: { "access-control-allow-origin": "*", "cache-control": "public, max-age=300" } },
  );
}
