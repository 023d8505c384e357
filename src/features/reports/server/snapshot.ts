// Computes a report's numbers from ClickHouse (the same queries as the leaders' dashboards) and applies
// small-cell suppression before anything is stored: a cell covering fewer than MIN_CELL employees or
// responses never leaves this function with its value, nor does a cell that the published overall
// would give away by subtraction (complementary suppression, suppress.ts). Values are stored at full
// precision and rounded only where they are shown (format.ts): 6 of 11 stored as 0.5455 read "54,6%".
import { resolvePeriod } from "@/features/dashboard/period";
import { declaredPopulation, satisfactionView, type IkmRow } from "@/features/dashboard/server/satisfaction";
import { servicePerformance } from "@/features/dashboard/server/services";
import { attendanceView, ekinerjaView } from "@/features/dashboard/server/workforce";
import { regionCalendar } from "@/server/calendar";
import { env } from "@/env";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import type { ReportPeriod } from "../period";
import { MIN_CELL, REPORT_SCHEMA, type ReportData } from "../schemas";
import { cellsToHide } from "@/lib/domain/suppress";

const small = (n: number) => n < MIN_CELL;

export async function buildSnapshot(
  db: Db,
  ch: ClickHouse,
  regionId: string,
  period: ReportPeriod,
  dataAsOf: Date,
): Promise<ReportData> {
  const region = await db.region.findUniqueOrThrow({ where: { id: regionId } });
  const [units, services] = await Promise.all([
    db.unit.findMany({ where: { regionId }, orderBy: { name: "asc" } }),
    db.serviceType.findMany({ where: { regionId }, orderBy: { nameId: "asc" } }),
  ]);
  const resolved = resolvePeriod({ period: "custom", from: period.from, to: period.to }, period.to);
  const scope = {};
  const [perf, sat, att, ek, heads] = await Promise.all([
    servicePerformance(ch, resolved, scope, period.to, (await regionCalendar(db, regionId)).calendar),
    satisfactionView(ch, resolved, scope, await declaredPopulation(db), env().IKM_MIN_RESPONDENTS),
    attendanceView(ch, resolved, scope),
    ekinerjaView(ch, resolved, scope),
    ch.query<{ unit_id: string; n: string }>(
      `SELECT unit_id, uniqExact(employee_id) AS n FROM fact_attendance WHERE day BETWEEN {from:Date} AND {to:Date} GROUP BY unit_id`,
      { from: period.from, to: period.to },
    ),
  ]);
  const perfBy = new Map(perf.byService.map((r) => [r.id, r]));
  const ikmService = new Map(sat.byService.map((r) => [r.id, r]));
  const ikmUnit = new Map(sat.byUnit.map((r) => [r.id, r]));
  const attBy = new Map(att.byUnit.map((r) => [r.unitId, r]));
  const ekBy = new Map(ek.byUnit.map((r) => [r.unitId, r]));
  const headsBy = new Map(heads.map((h) => [h.unit_id, Number(h.n)]));
  type IkmIn = Pick<IkmRow, "respondents" | "ikm" | "grade" | "standing" | "minimum"> | undefined;
  // too few respondents (ikm.ts) carry no IKM or grade (satisfactionView already left them out)
  const ikmCell = (r: IkmIn, hide: boolean) => {
    const n = r?.respondents ?? 0;
    if (hide || small(n)) return { respondents: null, ikm: null, grade: null, suppressed: true };
    const standing = r!.standing === "none" ? ("insufficient" as const) : r!.standing;
    return { respondents: n, ikm: r!.ikm, grade: r!.grade, suppressed: false, standing, minimum: r!.minimum };
  };
  // per service and per unit the respondents add up to the published overall: complementary suppression
  const byServiceIn = services.map((s) => ikmService.get(s.id));
  const hideService = cellsToHide(
    byServiceIn.map((r) => ({ n: r?.respondents ?? 0 })),
    MIN_CELL,
    true,
  );
  const unitsWithIkm = units.filter((u) => ikmUnit.has(u.id));
  const byUnitIn = unitsWithIkm.map((u) => ikmUnit.get(u.id));
  const hideUnit = cellsToHide(
    byUnitIn.map((r) => ({ n: r?.respondents ?? 0 })),
    MIN_CELL,
    true,
  );
  return {
    schema: REPORT_SCHEMA,
    region: { code: region.code, name: region.name },
    period: { slug: period.slug, from: period.from, to: period.to },
    dataAsOf: dataAsOf.toISOString(),
    minCell: MIN_CELL,
    services: services.map((s) => {
      const p = perfBy.get(s.id);
      const n = p?.completed ?? 0;
      const hidden = small(n);
      return {
        code: s.code,
        nameId: s.nameId,
        nameEn: s.nameEn,
        slaDays: s.slaDays,
        completed: hidden ? null : n,
        medianDays: hidden ? null : (p?.p50 ?? null),
        p90Days: hidden ? null : (p?.p90 ?? null),
        slaCompliance: hidden ? null : (p?.slaCompliance ?? null),
        suppressed: hidden,
      };
    }),
    satisfaction: {
      overall: ikmCell(sat.overall, false),
      byService: services.map((s, i) => ({
        code: s.code,
        nameId: s.nameId,
        nameEn: s.nameEn,
        ...ikmCell(byServiceIn[i], hideService.has(i)),
      })),
      byUnit: unitsWithIkm.map((u, i) => ({ code: u.code, name: u.name, ...ikmCell(byUnitIn[i], hideUnit.has(i)) })),
    },
    units: units.map((u) => {
      const n = headsBy.get(u.id) ?? 0;
      const hidden = small(n);
      return {
        code: u.code,
        name: u.name,
        employees: hidden ? null : n,
        attendanceRate: hidden ? null : (attBy.get(u.id)?.attendanceRate ?? null),
        ekinerjaFillRate: hidden ? null : (ekBy.get(u.id)?.fillRate ?? null),
        suppressed: hidden,
      };
    }),
  };
}
