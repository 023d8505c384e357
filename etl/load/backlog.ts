// The backlog snapshot: for every day up to today, the requests open at its end (submitted by then,
// not finished by then) and, of those, the overdue ones (from the working day after their SLA deadline on,
// as src/lib/domain/sla.ts says; the ETL stores that day),
// per unit and service, and the list of requests open now. Computed inside ClickHouse from each request's latest state, whole, after a run
// that changed requests or when a new day began; the snapshot counts only once backlog_snapshot names it,
// so a run stopped halfway leaves the previous snapshot in use (and its orphan rows are deleted later).
import { FINAL_STATUSES } from "@/lib/domain/sla";
import { indonesianZone } from "@/lib/domain/working-days";
import type { ClickHouse } from "@/server/clickhouse/types";

/** `lists`: the snapshot has its list of open requests (taken after ClickHouse migration 0009). */
export async function latestBacklogSnapshot(
  ch: ClickHouse,
): Promise<{ snapshot: number; upTo: string; lists: boolean } | null> {
  const [row] = await ch.query<{ snapshot: number; up_to: string; lists: number }>(
    "SELECT snapshot, toString(up_to) AS up_to, lists FROM backlog_snapshot ORDER BY snapshot DESC LIMIT 1",
  );
  return row ? { snapshot: Number(row.snapshot), upTo: row.up_to, lists: Number(row.lists) === 1 } : null;
}

export async function snapshotBacklog(
  ch: ClickHouse,
  regions: { id: string; timezone: string }[],
  upTo: string,
): Promise<number> {
  const snapshot = Math.max(Date.now(), ((await latestBacklogSnapshot(ch))?.snapshot ?? 0) + 1);
  for (const region of regions) {
    const tz = indonesianZone(region.timezone);
    await ch.command(
      `INSERT INTO rollup_backlog_daily (snapshot, region_id, unit_id, service_type_id, day, open, overdue)
SELECT {snapshot:UInt64}, r, u, s, d, toUInt32(count()), toUInt32(countIf(d >= od))
FROM (
  SELECT request_id, any(region_id) AS r, any(unit_id) AS u, any(service_type_id) AS s,
         min(toDate(submitted_at, '${tz}')) AS sub,
         min(ifNull(toDate(done_at, '${tz}'), toDate('2149-01-01'))) AS done,
         any(overdue_from) AS od
  FROM fact_request_state WHERE region_id = {region:String}
  GROUP BY request_id
)
ARRAY JOIN arrayMap(i -> sub + i, range(toUInt32(greatest(0, toInt32(least(done, {upTo:Date} + 1)) - toInt32(sub))))) AS d
GROUP BY r, u, s, d`,
      { snapshot, region: region.id, upTo },
    );
    // the requests open now, for the most urgent ones on the service page (a few rows instead of every request)
    await ch.command(
      `INSERT INTO open_request_snapshot (snapshot, region_id, unit_id, service_type_id, request_id, number, submitted_day, sla_due_day)
SELECT {snapshot:UInt64}, r, u, s, request_id, num, sub, due FROM (
  SELECT request_id, any(region_id) AS r, argMax(unit_id, version) AS u, argMax(service_type_id, version) AS s,
         argMax(number, version) AS num, min(toDate(submitted_at, '${tz}')) AS sub, argMax(sla_due_day, version) AS due,
         argMax(status, version) AS st
  FROM fact_request_state WHERE region_id = {region:String} GROUP BY request_id)
WHERE st NOT IN {final:Array(String)}`,
      { snapshot, region: region.id, final: [...FINAL_STATUSES] },
    );
  }
  await ch.insert("backlog_snapshot", [
    { snapshot, up_to: upTo, lists: 1, at: new Date().toISOString().replace("T", " ").replace("Z", "") },
  ]);
  // Older snapshots are no longer read; the deletion runs in the background.
  await ch.command(
    `ALTER TABLE rollup_backlog_daily${ch.cluster ? ` ON CLUSTER ${ch.cluster}` : ""} DELETE WHERE snapshot < {snapshot:UInt64}`,
    { snapshot },
  );
  await ch.command(
    `ALTER TABLE open_request_snapshot${ch.cluster ? ` ON CLUSTER ${ch.cluster}` : ""} DELETE WHERE snapshot < {snapshot:UInt64}`,
    { snapshot },
  );
  return snapshot;
}
