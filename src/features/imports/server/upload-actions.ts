"use server";
// HR maps the columns of an export Pantau did not recognise: saved per header row (ImportMapping), and
// the upload goes back in line for the ETL, which now reads it — as it will next month's of that shape.
import { redirect } from "next/navigation";
import { rolesFor } from "@/lib/navigation";
import { recordAudit } from "@/server/audit";
import { requireRole } from "@/server/auth";
import { actorOf } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { field } from "@/server/form";
import { headerSignature } from "../../../../etl/master/fields";
import { SOURCE_FORMATS, uploadTable } from "./upload-mapping";

export async function saveUploadMapping(formData: FormData) {
  const session = await requireRole(rolesFor("/data"), "/data");
  const id = field(formData, "uploadId");
  const kind = field(formData, "kind") === "EKINERJA" ? "EKINERJA" : "ATTENDANCE";
  const db = await getDb();
  const upload = await db.sourceUpload.findUnique({ where: { id } });
  const table = upload?.status === "REFUSED" ? await uploadTable(upload.storedPath) : null;
  if (!upload || !table) redirect("/data");
  const columns: Record<string, string> = {};
  const used = new Set<number>();
  for (const c of SOURCE_FORMATS[kind].columns) {
    const i = Number(field(formData, `col.${c.field}`) || -1);
    if (!Number.isInteger(i) || i < 0 || i >= table.header.length) continue;
    if (used.has(i)) redirect(`/data/unggah/${id}?jenis=${kind}&galat=master.map.error.twice`);
    used.add(i);
    columns[c.field] = table.header[i]!;
    columns[`@${c.field}`] = String(i);
  }
  const missing = SOURCE_FORMATS[kind].columns.filter((c) => c.required && !columns[c.field]).map((c) => c.names[0]);
  if (missing.length)
    redirect(
      `/data/unggah/${id}?jenis=${kind}&galat=master.map.error.missing&kolom=${encodeURIComponent(missing.join(", "))}`,
    );
  const signature = headerSignature(table.header);
  await db.importMapping.upsert({
    where: { regionId_kind_signature: { regionId: upload.regionId, kind, signature } },
    update: { columns },
    create: { regionId: upload.regionId, kind, signature, columns },
  });
  await db.sourceUpload.update({ where: { id }, data: { status: "RECEIVED", errorId: null, errorEn: null } });
  await recordAudit(db, await actorOf(session), {
    action: "import.mapping",
    entity: "SourceUpload",
    entityId: id,
    after: { kind, signature, columns },
  });
  const { loadUploadsSoon } = await import("@/server/etl-schedule");
  loadUploadsSoon();
  redirect("/data");
}
