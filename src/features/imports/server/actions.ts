"use server";
// "Run the ETL now" for HR and administrators: a plain form post (works without JavaScript), audited.
// The run happens in this server process, the one that owns the embedded stores.
import { redirect } from "next/navigation";
import { recordAudit } from "@/server/audit";
import { requireRole } from "@/server/auth";
import { actorOf } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { rolesFor } from "@/lib/navigation";

export async function runEtlNow() {
  const session = await requireRole(rolesFor("/data"), "/data");
  const db = await getDb();
  await recordAudit(db, await actorOf(session), { action: "etl.run", entity: "EtlRun", entityId: "manual" });
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

/** A batch that failed to load goes back in line for the next run (after HR fixed what its reason says). */
export async function retryBatch(formData: FormData) {
  const session = await requireRole(rolesFor("/data"), "/data");
  const id = Number(formData.get("batchId"));
  const db = await getDb();
  const changed =
    Number.isInteger(id) && id > 0
      ? await db.importBatch.updateMany({
          where: { id, status: "FAILED" },
          data: { status: "IMPORTED", loadError: null },
        })
      : { count: 0 };
  if (changed.count)
    await recordAudit(db, await actorOf(session), {
      action: "import.retry",
      entity: "ImportBatch",
      entityId: String(id),
    });
  redirect(`/data?etl=${changed.count ? "retry" : "failed"}`);
}

/** "Back up now" for administrators: the server makes the backup (it owns the embedded stores). */
export async function backupNowForm() {
  const session = await requireRole(["ADMIN"], "/data");
  const db = await getDb();
  let outcome = "backup-ok";
  try {
    const { backupNow } = await import("@/server/backup-schedule");
    const made = await backupNow();
    await recordAudit(db, await actorOf(session), { action: "backup.create", entity: "Backup", entityId: made.name });
  } catch (err) {
    console.error("[backup] failed:", err);
    outcome = "backup-failed";
  }
  redirect(`/data?etl=${outcome}`);
}
