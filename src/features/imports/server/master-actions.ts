"use server";
// Form posts of the master-data pages (ADMIN, HR): upload, map columns, apply, cancel. Each one is
// audited; applying is all-or-nothing (etl/master/apply.ts).
import { regionTimezone } from "@/server/calendar";
import { redirect } from "next/navigation";
import type { MasterKind } from "@/generated/prisma/enums";
import { env } from "@/env";
import { rolesFor } from "@/lib/navigation";
import { recordAudit } from "@/server/audit";
import { requireRole } from "@/server/auth";
import { actorOf } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { field } from "@/server/form";
import { today } from "@/server/clock";
import { isCalendarDate } from "@/lib/domain/working-days";
import { FORM_BODY_LIMIT_MB } from "../../../../scripts/limits.mjs";
import { EtlBusyError } from "../../../../etl/run";
import {
  applyMaster,
  cancelMaster,
  readMasterFile,
  receiveMaster,
  saveMapping,
  storedBytes,
} from "../../../../etl/master/master";
import { FIELDS, missingFields, type ColumnMap } from "../../../../etl/master/fields";

const guard = () => requireRole(rolesFor("/data/master"), "/data/master");
const idOf = (formData: FormData) => {
  const id = Number(field(formData, "importId"));
  return Number.isInteger(id) && id > 0 ? id : 0;
};
const optionsOf = (formData: FormData) => ({
  asOf: field(formData, "asOf"),
  complete: field(formData, "complete") === "1",
});
const query = (o: { asOf: string; complete: boolean }) =>
  `asOf=${encodeURIComponent(o.asOf)}${o.complete ? "&complete=1" : ""}`;

export async function uploadMasterFile(formData: FormData) {
  const session = await guard();
  const kind = field(formData, "kind") as MasterKind;
  const file = formData.get("file");
  if (kind !== "UNITS" && kind !== "EMPLOYEES") redirect("/data/master?error=master.upload.error.file");
  if (!(file instanceof File) || file.size === 0 || !/\.(xlsx|csv|txt)$/i.test(file.name))
    redirect("/data/master?error=master.upload.error.file");
  if (file.size > FORM_BODY_LIMIT_MB * 1024 * 1024) redirect("/data/master?error=master.upload.error.size");
  const db = await getDb();
  const region = await db.region.findFirst({ orderBy: { createdAt: "asc" } });
  if (!region) redirect("/data/master?error=master.noRegion");
  const actor = await actorOf(session);
  const imp = await receiveMaster(db, env().dataDir, {
    regionId: region.id,
    kind,
    fileName: file.name.slice(0, 200),
    bytes: new Uint8Array(await file.arrayBuffer()),
    createdById: actor.id,
  });
  await recordAudit(db, actor, {
    action: "master.upload",
    entity: "MasterImport",
    entityId: String(imp.id),
    after: { kind, fileName: imp.fileName, sha256: imp.sha256 },
  });
  redirect(`/data/master/${imp.id}`);
}

export async function saveMasterMapping(formData: FormData) {
  const session = await guard();
  const id = idOf(formData);
  const db = await getDb();
  const imp = id ? await db.masterImport.findUnique({ where: { id } }) : null;
  if (!imp || imp.status !== "PREVIEW") redirect(`/data/master?error=master.error.done`);
  const file = await readMasterFile(db, imp.regionId, imp.kind, storedBytes(env().dataDir, imp.storedPath), null);
  const map: ColumnMap = {};
  const used = new Set<number>();
  for (const f of FIELDS[imp.kind]) {
    const raw = field(formData, `col.${f.field}`);
    if (raw === "") continue;
    const i = Number(raw);
    if (!Number.isInteger(i) || i < 0 || i >= file.table.header.length) continue;
    if (used.has(i)) redirect(`/data/master/${id}?remap=1&error=master.map.error.twice`);
    used.add(i);
    map[f.field] = i;
  }
  const missing = missingFields(imp.kind, map);
  if (missing.length)
    redirect(
      `/data/master/${id}?remap=1&error=master.map.error.missing&fields=${encodeURIComponent(missing.join(","))}`,
    );
  await saveMapping(db, imp.regionId, imp.kind, id, file, map);
  await recordAudit(db, await actorOf(session), {
    action: "master.mapping",
    entity: "MasterImport",
    entityId: String(id),
    after: { signature: file.signature, map },
  });
  redirect(`/data/master/${id}`);
}

export async function applyMasterImport(formData: FormData) {
  const session = await guard();
  const id = idOf(formData);
  const opts = optionsOf(formData);
  const db = await getDb();
  let outcome: string;
  try {
    const asOf = isCalendarDate(opts.asOf) ? opts.asOf : today(await regionTimezone(db));
    const r = await applyMaster(db, env().dataDir, await actorOf(session), id, { asOf, complete: opts.complete });
    outcome = "plan" in r ? "" : `error=master.error.${r.error}`;
  } catch (err) {
    if (err instanceof EtlBusyError) outcome = "error=master.error.busy";
    else {
      console.error("[master] apply failed:", err);
      outcome = "error=master.error.failed";
    }
  }
  redirect(`/data/master/${id}?${outcome || "applied=1"}${outcome ? `&${query(opts)}` : ""}`);
}

export async function cancelMasterImport(formData: FormData) {
  const session = await guard();
  const id = idOf(formData);
  const db = await getDb();
  if (await cancelMaster(db, env().dataDir, id))
    await recordAudit(db, await actorOf(session), {
      action: "master.cancel",
      entity: "MasterImport",
      entityId: String(id),
    });
  redirect(`/data/master/${id}`);
}
