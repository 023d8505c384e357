"use server";
// "Run the ETL now" for HR and administrators: a plain form post (works without JavaScript), audited.
// The run happens in this server process, the one that owns the embedded stores.
import { redirect } from "next/navigation";
import { recordAudit } from "@/server/audit";
import { requireRole } from "@/server/auth";
import { getDb } from "@/server/db";
import { rolesFor } from "@/lib/navigation";

export async function runEtlNow() {
  const session = await requireRole(rolesFor("/data"), "/data");
  const db = await getDb();
  await recordAudit(db, { id: session.user.id, name: session.user.name, clientKey: "web" }, { action: "etl.run", entity: "EtlRun", entityId: "manual" });
  const { runScheduledEtl } = await import("@/server/etl-schedule");
  let outcome: string;
  try {
    const r = await runScheduledEtl("manual");
    outcome = "busy" in r ? "busy" : `ok-${r.runId}`;
  } catch {
    outcome = "failed";
  }
  redirect(`/data?etl=${outcome}`);
}
