// The rules the analytics are built with. The ETL writes classified columns (what an attendance day
// counts as, when a request becomes overdue), so a change of those rules means the stored analytics were
// classified by the old ones: the next run then rebuilds everything from the stored files and the
// relational store instead of leaving old and new classifications side by side.
import { createHash } from "node:crypto";
import { ATTENDANCE_CLASS } from "@/lib/domain/attendance";
import { FINAL_STATUSES } from "@/lib/domain/sla";
import { EKINERJA_CLASSIFICATION_SQL } from "./ekinerja-due";
import type { ClickHouse } from "@/server/clickhouse/types";

/** Raise when a rule the ETL applies changes in code that the tables below do not show (sla.ts's or ekinerja.ts's arithmetic). */
const RULES_REVISION = 1;

// the e-Kinerja classification's SQL is part of the rules (a change of it reclassifies everything); string
// constants read the same in every build, unlike a function's source
export const ANALYTICS_RULES = {
  revision: RULES_REVISION,
  attendance: ATTENDANCE_CLASS,
  finalStatuses: FINAL_STATUSES,
  ekinerja: EKINERJA_CLASSIFICATION_SQL,
};

export function rulesFingerprint(rules: unknown = ANALYTICS_RULES): string {
  return createHash("sha256").update(JSON.stringify(rules)).digest("hex").slice(0, 16);
}

/** The fingerprint the analytics were last built with (null before the first complete run). */
export async function builtWithRules(ch: ClickHouse): Promise<string | null> {
  const [row] = await ch.query<{ fingerprint: string }>(
    "SELECT fingerprint FROM analytics_rules ORDER BY at DESC LIMIT 1",
  );
  return row?.fingerprint ?? null;
}

export async function recordRules(ch: ClickHouse, fingerprint = rulesFingerprint()): Promise<void> {
  await ch.insert("analytics_rules", [
    { fingerprint, at: new Date().toISOString().replace("T", " ").replace("Z", "") },
  ]);
}
