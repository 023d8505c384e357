// The compliance list as CSV or Excel, with the page's filter. Employee-level data: every export is audited.
import { complianceCsv, complianceXlsx } from "@/features/compliance/server/export";
import { latestFollowUps } from "@/features/compliance/server/follow-up";
import { complianceAll } from "@/features/compliance/server/queries";
import { filterFromSearch, scopeUnit } from "@/features/compliance/server/scope";
import { translator } from "@/i18n/catalog";
import { getLocale } from "@/i18n/server";
import { recordAudit } from "@/server/audit";
import { getSession } from "@/server/auth";
import { actorOf } from "@/server/auth/actor";
import { getClickHouse } from "@/server/clickhouse";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const session = await getSession();
  if (!session?.user) return new Response("Silakan masuk / please sign in", { status: 401 });
  const url = new URL(req.url);
  const { filter, problems } = filterFromSearch(Object.fromEntries(url.searchParams));
  if (problems.length)
    return new Response(`Filter tidak valid / invalid filter: ${problems.join(", ")}`, { status: 400 });
  const db = await getDb();
  const unitId = await scopeUnit(db, session.user, filter.unitId);
  if (unitId === null) {
    const body =
      session.user.role === "UNIT_HEAD"
        ? translator(await getLocale())("scope.outsideExport")
        : "Akses ditolak / forbidden";
    return new Response(body, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const rows = await complianceAll(await getClickHouse(), filter, unitId);
  const follow = await latestFollowUps(
    db,
    rows.map((r) => r.employeeId),
  );
  const withFollowUp = rows.map((r) => ({ ...r, followUp: follow.get(r.employeeId)?.state ?? null }));
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  await recordAudit(db, await actorOf(session), {
    action: "compliance.export",
    entity: "Employee",
    entityId: "*",
    after: { format, rows: rows.length, filter: { ...filter, page: undefined } },
  });
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
