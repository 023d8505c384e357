// The compliance list as CSV or Excel, with the page's filter, read through the compliance router
// (an audited employee-level read).
import { complianceCsv, complianceXlsx } from "@/features/compliance/server/export";
import { filterFromSearch } from "@/features/compliance/server/scope";
import { translator } from "@/i18n/catalog";
import { getLocale } from "@/i18n/server";
import { TRPCError } from "@trpc/server";
import { getSession } from "@/server/auth";
import { serverCaller } from "@/trpc/server";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const session = await getSession();
  if (!session?.user) return new Response("Silakan masuk / please sign in", { status: 401 });
  const url = new URL(req.url);
  const { filter, problems } = filterFromSearch(Object.fromEntries(url.searchParams));
  if (problems.length)
    return new Response(`Filter tidak valid / invalid filter: ${problems.join(", ")}`, { status: 400 });
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  let withFollowUp;
  try {
    withFollowUp = await (await serverCaller()).compliance.export({ ...filter, format });
  } catch (e) {
    if (!(e instanceof TRPCError && e.code === "FORBIDDEN")) throw e;
    const body =
      session.user.role === "UNIT_HEAD"
        ? translator(await getLocale())("scope.outsideExport")
        : "Akses ditolak / forbidden";
    return new Response(body, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const t = translator(await getLocale());
  const name = `pantau-kepatuhan-ekinerja-${filter.from}-${filter.to}`;
  if (format === "xlsx") {
    const body = await complianceXlsx(
      withFollowUp,
      t,
      t("compliance.exportTitle", { from: filter.from, to: filter.to }),
    );
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${name}.xlsx"`,
        "cache-control": "no-store",
      },
    });
  }
  return new Response(complianceCsv(withFollowUp, t), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.csv"`,
      "cache-control": "no-store",
    },
  });
}
