// The backlog snapshot: for every day up to today, the requests open at its end (submitted by then,
// not finished by then) and, of those, the overdue ones (from the working day after their SLA deadline on,
// as src/lib/domain/sla.ts says; the ETL stores that day),
// per unit and service. Computed inside ClickHouse from each request's latest state, whole, after a run
// that changed requests or when a new day began; the snapshot counts only once backlog_snapshot names it,
// so a run stopped halfway leaves the previous snapshot in use (and its orphan rows are deleted later).
import { indonesianZone } from "@/lib/domain/working-days";
import type { ClickHouse } from "@/server/clickhouse/types";

export async function latestBacklogSnapshot(ch: ClickHouse): Promise<{ snapshot: number; upTo: string } | null> {
  const [row] = await ch.query<{ snapshot: number; up_to: string }>(
    "SELECT snapshot, toString(up_to) AS up_to FROM backlog_snapshot ORDER BY snapshot DESC LIMIT 1",
  );
  return row ? { snapshot: Number(row.snapshot), upTo: row.up_to } : null;
}

export async function snapshotBacklog(ch: ClickHouse, regions: { id: string; timezone: string }[], upTo: string): Promise<number> {
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
  }
  await ch.insert("backlog_snapshot", [{ snapshot, up_to: upTo, at: new Date().toISOString().replace("T", " ").replace("Z", "") }]);
  // Older snapshots are no longer read; the deletion runs in the background.
  await ch.command(
    `ALTER TABLE rollup_backlog_daily${ch.cluster ? ` ON CLUSTER ${ch.cluster}` : ""} DELETE WHERE snapshot < {snapshot:UInt64}`,
    { snapshot },
  );
  return snapshot;
}
