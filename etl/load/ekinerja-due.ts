// Classifying e-Kinerja entries: whether each was due, why not, the deadline that applies and its state, by
// the rules of src/lib/domain/ekinerja.ts (the test runs this SQL against `classifyEntry` case by case).
// What decides it arrives at different times — the e-Kinerja export, the attendance of the same month, the
// employee's dates, an outage HR records — so a run reclassifies every month that anything of it touched,
// a month at a time: the month is built whole in a staging table and swapped in (REPLACE PARTITION), and so
// is its rollup, so a reader sees the old month or the new one, never half of each.
import { outageEffect, type OutageSpan } from "@/lib/domain/ekinerja";
import { dayNumber, indonesianZone, isoDay, WorkCalendar, dayOfDate } from "@/lib/domain/working-days";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";

/** YYYYMM of a day number (the tables' partition id). */
const monthId = (day: number) => Number(isoDay(day).slice(0, 7).replace("-", ""));

export interface OutageMapRow {
  unit: string;
  deadline: string;
  excused: number;
  moved: string;
}

/**
 * The outages' effect per unit and deadline (only deadlines inside an outage are listed): what
 * `outageEffect` says for each unit, with its ancestors, so the SQL needs a plain lookup.
 */
export async function outageMap(db: Db, regionId: string): Promise<OutageMapRow[]> {
  const [outages, units, holidays] = await Promise.all([
    db.ekinerjaOutage.findMany({ where: { regionId, removedAt: null }, orderBy: { startsOn: "asc" } }),
    db.unit.findMany({ where: { regionId }, select: { id: true, parentId: true } }),
    db.holiday.findMany({ where: { regionId }, select: { date: true } }),
  ]);
  if (outages.length === 0) return [];
  const calendar = new WorkCalendar(holidays.map((h) => dayOfDate(h.date)));
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const pathOf = (id: string) => {
    const path: string[] = [];
    for (let u: string | null | undefined = id; u && path.length < 64; u = parent.get(u)) path.push(u);
    return path;
  };
  const spans: OutageSpan[] = outages.map((o) => ({
    startsOn: dayOfDate(o.startsOn),
    endsOn: dayOfDate(o.endsOn),
    effect: o.effect,
    unitIds: o.unitIds,
  }));
  const deadlines = new Set<number>();
  for (const s of spans) for (let d = s.startsOn; d <= s.endsOn && d - s.startsOn < 400; d++) deadlines.add(d);
  // one row per deadline for the whole region (unit ''), and rows of their own only for the units an outage
  // names (with their sub-units), so a region-wide outage stays a few dozen rows whatever the number of units
  const scoped = new Set(spans.flatMap((sp) => sp.unitIds));
  const targets: { unit: string; path: string[] }[] = [{ unit: "", path: [] }];
  for (const u of units) {
    const path = pathOf(u.id);
    if (path.some((x) => scoped.has(x))) targets.push({ unit: u.id, path });
  }
  const rows: OutageMapRow[] = [];
  for (const t of targets) {
    for (const d of [...deadlines].sort((a, b) => a - b)) {
      const effect = outageEffect(d, t.path, spans, calendar);
      if (effect.excused || effect.deadline !== d)
        rows.push({
          unit: t.unit,
          deadline: isoDay(d),
          excused: effect.excused ? 1 : 0,
          moved: isoDay(effect.deadline),
        });
    }
  }
  return rows;
}

/** The months an outage map's entries fall in: a deadline's entry is of its own month or the month before. */
function monthsOfMap(rows: readonly OutageMapRow[]): Set<number> {
  const out = new Set<number>();
  for (const r of rows) {
    const d = dayNumber(r.deadline);
    out.add(monthId(d));
    out.add(monthId(dayNumber(isoDay(d).slice(0, 8) + "01") - 1));
  }
  return out;
}

/** The months whose outage effect differs between two maps. */
export function monthsChangedBetween(before: readonly OutageMapRow[], after: readonly OutageMapRow[]): Set<number> {
  const key = (r: OutageMapRow) => `${r.unit}|${r.deadline}|${r.excused}|${r.moved}`;
  const a = new Set(before.map(key));
  const b = new Set(after.map(key));
  return monthsOfMap([...before.filter((r) => !b.has(key(r))), ...after.filter((r) => !a.has(key(r)))]);
}

const CLASSIFY_SQL = (tz: string) => `
INSERT INTO fact_ekinerja_due_stage (region_id, unit_id, employee_id, kind, period, deadline, submitted_at, state, due, reason)
SELECT region_id, unit_id, employee_id, kind, period, applies AS deadline, submitted_at,
       multiIf(submitted_at IS NULL, 'missing', toDate(submitted_at, '${tz}') <= applies, 'on_time', 'late') AS state,
       toUInt8(why = '') AS due, why AS reason
FROM (
  SELECT f.region_id AS region_id, f.unit_id AS unit_id, f.employee_id AS employee_id, f.kind AS kind, f.period AS period,
         f.submitted_at AS submitted_at,
         if(named.own = 1, if(ou.has = 1, ou.moved, f.deadline), if(orr.has = 1, orr.moved, f.deadline)) AS applies,
         if(named.own = 1, ou.has = 1 AND ou.excused = 1, orr.has = 1 AND orr.excused = 1) AS excused,
         multiIf(
           NOT (if(f.kind = 'daily', f.period, toLastDayOfMonth(f.period)) >= e.appointed AND (e.retired IS NULL OR f.period < e.retired)), 'not_employed',
           if(f.kind = 'daily', a.off = 1, m.off = 1), 'leave',
           excused, 'outage',
           '') AS why
  FROM (SELECT * FROM fact_ekinerja WHERE region_id = {region:String} AND toYYYYMM(period) IN {months:Array(UInt32)}) AS f
  LEFT JOIN (
    SELECT employee_id, argMax(appointed_on, version) AS appointed, argMax(tuple(retired_on), version).1 AS retired
    FROM dim_employee WHERE region_id = {region:String} GROUP BY employee_id
  ) AS e ON e.employee_id = f.employee_id
  -- only the days and months that were not due are looked up (a small share: leave, study duty, days off),
  -- so the joins hold a few rows per employee instead of every attendance day (an import keeps one row a day)
  LEFT JOIN (
    SELECT DISTINCT employee_id, day, toUInt8(1) AS off FROM fact_attendance
    WHERE region_id = {region:String} AND toYYYYMM(day) IN {months:Array(UInt32)} AND due = 0
  ) AS a ON a.employee_id = f.employee_id AND a.day = f.period
  LEFT JOIN (
    SELECT employee_id, month, toUInt8(1) AS off FROM rollup_attendance_employee_month
    WHERE toYYYYMM(month) IN {months:Array(UInt32)} GROUP BY employee_id, month HAVING sum(days) > 0 AND sum(due_days) = 0
  ) AS m ON m.employee_id = f.employee_id AND m.month = f.period
  -- a unit named by an outage has its own rows (region-wide outages included in them); every other unit the region's
  LEFT JOIN (
    SELECT t.1 AS unit, t.2 AS deadline, t.3 AS excused, t.4 AS moved, toUInt8(1) AS has
    FROM (SELECT arrayJoin(arrayZip({ou:Array(String)}, {od:Array(Date)}, {ox:Array(UInt8)}, {om:Array(Date)})) AS t) WHERE t.1 != ''
  ) AS ou ON ou.unit = f.unit_id AND ou.deadline = f.deadline
  LEFT JOIN (
    SELECT t.2 AS deadline, t.3 AS excused, t.4 AS moved, toUInt8(1) AS has
    FROM (SELECT arrayJoin(arrayZip({ou:Array(String)}, {od:Array(Date)}, {ox:Array(UInt8)}, {om:Array(Date)})) AS t) WHERE t.1 = ''
  ) AS orr ON orr.deadline = f.deadline
  LEFT JOIN (SELECT arrayJoin(arrayDistinct({ou:Array(String)})) AS unit, toUInt8(1) AS own) AS named ON named.unit = f.unit_id
)`;

const ROLLUP_SQL = `
INSERT INTO rollup_ekinerja_due_stage
SELECT region_id, unit_id, kind, period,
       countIf(due = 1) AS n_due, countIf(due = 1 AND state = 'on_time') AS n_on_time, countIf(due = 1 AND state = 'late') AS n_late,
       countIf(due = 1 AND state = 'missing') AS n_missing,
       countIf(reason = 'not_employed') AS n_not_employed, countIf(reason = 'leave') AS n_leave, countIf(reason = 'outage') AS n_outage
FROM fact_ekinerja_due_stage
GROUP BY region_id, unit_id, kind, period`;

const EMPLOYEE_MONTH_SQL = `
INSERT INTO rollup_ekinerja_employee_month_stage
SELECT region_id, unit_id, employee_id, kind, toStartOfMonth(period) AS m,
       toUInt32(countIf(due = 1)) AS n_due, toUInt32(countIf(due = 1 AND state = 'on_time')) AS n_on_time
FROM fact_ekinerja_due_stage
WHERE due = 1
GROUP BY region_id, unit_id, employee_id, kind, m`;

// a bit per month (bit 0 = January): had entries due, had a due entry not on time; from the month rollup,
// whose rows of a year are a few per employee (ClickHouse migration 0008)
const EMPLOYEE_YEAR_SQL = `
INSERT INTO rollup_ekinerja_employee_year_stage
SELECT region_id, unit_id, toString(employee_id) AS employee_id, toUInt16(toYear(month)) AS year,
       toUInt16(groupBitOr(bitShiftLeft(toUInt16(1), toMonth(month) - 1))) AS due_mask,
       toUInt16(groupBitOrIf(bitShiftLeft(toUInt16(1), toMonth(month) - 1), on_time < due)) AS late_mask
FROM rollup_ekinerja_employee_month
WHERE toYear(month) IN {years:Array(UInt16)} AND due > 0
GROUP BY region_id, unit_id, employee_id, year`;

/** What the classification runs, for the rules' fingerprint (etl/load/rules.ts). */
export const EKINERJA_CLASSIFICATION_SQL = [
  CLASSIFY_SQL("Asia/Jakarta"),
  ROLLUP_SQL,
  EMPLOYEE_MONTH_SQL,
  EMPLOYEE_YEAR_SQL,
].join("\n");

/** The tables rebuilt a month at a time, each with its staging twin (`<name>_stage`). */
const CLASSIFIED_TABLES = ["fact_ekinerja_due", "rollup_ekinerja_due", "rollup_ekinerja_employee_month"] as const;

/** Last pass's outage map per region, so a changed outage reclassifies only the months it touches. */
async function previousMaps(ch: ClickHouse): Promise<Map<string, OutageMapRow[]>> {
  const rows = await ch.query<{ region_id: string; map: string }>(
    "SELECT region_id, argMax(map, at) AS map FROM ekinerja_due_state GROUP BY region_id",
  );
  return new Map(rows.map((r) => [r.region_id, JSON.parse(r.map) as OutageMapRow[]]));
}

export interface ClassifyScope {
  /** Every month (a rebuild, changed employees). */
  all?: boolean;
  /** Batches loaded in this run: their months. */
  batchIds?: number[];
}

/** Reclassifies the months the scope and any outage change touch; returns how many months were rebuilt. */
export async function classifyEkinerja(db: Db, ch: ClickHouse, scope: ClassifyScope): Promise<number> {
  const regions = await db.region.findMany({ select: { id: true, timezone: true } });
  const before = await previousMaps(ch);
  const maps = new Map<string, OutageMapRow[]>();
  const months = new Set<number>();
  for (const region of regions) {
    const map = await outageMap(db, region.id);
    maps.set(region.id, map);
    for (const m of monthsChangedBetween(before.get(region.id) ?? [], map)) months.add(m);
  }
  if (scope.all) {
    for (const r of await ch.query<{ m: number }>("SELECT DISTINCT toYYYYMM(period) AS m FROM fact_ekinerja"))
      months.add(Number(r.m));
  } else if (scope.batchIds?.length) {
    const rows = await ch.query<{ m: number }>(
      `SELECT DISTINCT toYYYYMM(period) AS m FROM fact_ekinerja WHERE batch_id IN {ids:Array(UInt32)}
       UNION DISTINCT SELECT DISTINCT toYYYYMM(day) AS m FROM fact_attendance WHERE batch_id IN {ids:Array(UInt32)}`,
      { ids: scope.batchIds },
    );
    for (const r of rows) months.add(Number(r.m));
  }
  // months a run stopped before classifying (killed, or failed in the middle): their entries and the
  // classified ones do not add up, whatever this run loaded
  for (const r of await ch.query<{ m: number }>(
    `SELECT m FROM (SELECT toYYYYMM(period) AS m, count() AS n FROM fact_ekinerja GROUP BY m) AS f
     FULL OUTER JOIN (SELECT toYYYYMM(period) AS m, count() AS n FROM fact_ekinerja_due GROUP BY m) AS c USING m
     WHERE f.n != c.n`,
  ))
    months.add(Number(r.m));
  const on = ch.cluster ? ` ON CLUSTER ${ch.cluster}` : "";
  const emptyStages = async () => {
    for (const table of CLASSIFIED_TABLES) await ch.command(`TRUNCATE TABLE ${table}_stage${on}`);
  };
  const list = [...months].sort((a, b) => a - b);
  // a few months at a time, every region's entries of them together (a partition holds all regions)
  for (let i = 0; i < list.length; i += 6) {
    const group = list.slice(i, i + 6);
    await emptyStages();
    for (const region of regions) {
      const map = maps.get(region.id)!;
      await ch.command(CLASSIFY_SQL(indonesianZone(region.timezone)), {
        region: region.id,
        months: group,
        ou: map.map((r) => r.unit),
        od: map.map((r) => r.deadline),
        ox: map.map((r) => r.excused),
        om: map.map((r) => r.moved),
      });
    }
    await ch.command(ROLLUP_SQL);
    await ch.command(EMPLOYEE_MONTH_SQL);
    for (const table of CLASSIFIED_TABLES) {
      // each table's own staged months: a month of only not-due entries has rows in the fact table's stage and
      // none in the per-employee rollup's; a month left without any is emptied (ClickHouse refuses to replace from nothing)
      const staged = new Set(
        (
          await ch.query<{ m: number }>(
            `SELECT DISTINCT toYYYYMM(${table === "rollup_ekinerja_employee_month" ? "month" : "period"}) AS m FROM ${table}_stage`,
          )
        ).map((r) => Number(r.m)),
      );
      for (const m of group)
        await ch.command(
          staged.has(m)
            ? `ALTER TABLE ${table} REPLACE PARTITION ${m} FROM ${table}_stage`
            : `ALTER TABLE ${table} DROP PARTITION ${m}`,
        );
    }
  }
  await emptyStages();
  await rebuildYears(ch, [...new Set(list.map((m) => Math.floor(m / 100)))], on);
  // the map is recorded only when it changed (a run every few minutes would otherwise pile up copies)
  const at = new Date().toISOString().replace("T", " ").replace("Z", "");
  const changed = regions.filter(
    (r) => JSON.stringify(before.get(r.id) ?? []) !== JSON.stringify(maps.get(r.id)) || !before.has(r.id),
  );
  if (changed.length)
    await ch.insert(
      "ekinerja_due_state",
      changed.map((r) => ({ region_id: r.id, map: JSON.stringify(maps.get(r.id)), at })),
    );
  return list.length;
}

/** Rebuilds the per-employee year rollup of the given years from the month rollup, a year at a time (swapped in whole). */
async function rebuildYears(ch: ClickHouse, years: number[], on: string): Promise<void> {
  for (const year of years.sort((a, b) => a - b)) {
    await ch.command(`TRUNCATE TABLE rollup_ekinerja_employee_year_stage${on}`);
    await ch.command(EMPLOYEE_YEAR_SQL, { years: [year] });
    const [staged] = await ch.query<{ n: number }>("SELECT count() AS n FROM rollup_ekinerja_employee_year_stage");
    await ch.command(
      Number(staged?.n ?? 0) > 0
        ? `ALTER TABLE rollup_ekinerja_employee_year REPLACE PARTITION ${year} FROM rollup_ekinerja_employee_year_stage`
        : `ALTER TABLE rollup_ekinerja_employee_year DROP PARTITION ${year}`,
    );
  }
  await ch.command(`TRUNCATE TABLE rollup_ekinerja_employee_year_stage${on}`);
}
