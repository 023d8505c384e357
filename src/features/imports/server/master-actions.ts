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
import { installationRegion } from "@/server/region";

const guard = () => requireRole(rolesFor("/data/induk"), "/data/induk");
const idOf = (formData: FormData) => {
  const id = Number(field(formData, "importId"));
  return Number.isInteger(id) && id > 0 ? id : 0;
};
const optionsOf = (formData: FormData) => ({
  asOf: field(formData, "asOf"),
  complete: field(formData, "complete") === "1",
});
const query = (o: { asOf: string; complete: boolean }) =>
  `per=${encodeURIComponent(o.asOf)}${o.complete ? "&lengkap=1" : ""}`;

export async function uploadMasterFile(formData: FormData) {
  const session = await guard();
  const kind = field(formData, "kind") as MasterKind;
  const file = formData.get("file");
  if (kind !== "UNITS" && kind !== "EMPLOYEES") redirect("/data/induk?galat=master.upload.error.file");
  if (!(file instanceof File) || file.size === 0 || !/\.(xlsx|csv|txt)$/i.test(file.name))
    redirect("/data/induk?galat=master.upload.error.file");
  if (file.size > FORM_BODY_LIMIT_MB * 1024 * 1024) redirect("/data/induk?galat=master.upload.error.size");
  const db = await getDb();
  const region = await installationRegion(db);
  if (!region) redirect("/data/induk?galat=master.noRegion");
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
  redirect(`/data/induk/${imp.id}`);
}

export async function saveMasterMapping(formData: FormData) {
  const session = await guard();
  const id = idOf(formData);
  const db = await getDb();
  const imp = id ? await db.masterImport.findUnique({ where: { id } }) : null;
  if (!imp || imp.status !== "PREVIEW") redirect(`/data/induk?galat=master.error.done`);
  const file = await readMasterFile(db, imp.regionId, imp.kind, storedBytes(env().dataDir, imp.storedPath), null);
  const map: ColumnMap = {};
  const used = new Set<number>();
  for (const f of FIELDS[imp.kind]) {
    const raw = field(formData, `col.${f.field}`);
    if (raw === "") continue;
    const i = Number(raw);
    if (!Number.isInteger(i) || i < 0 || i >= file.table.header.length) continue;
    if (used.has(i)) redirect(`/data/induk/${id}?petakan=1&galat=master.map.error.twice`);
    used.add(i);
    map[f.field] = i;
  }
  const missing = missingFields(imp.kind, map);
  if (missing.length)
    redirect(
      `/data/induk/${id}?petakan=1&galat=master.map.error.missing&kolom=${encodeURIComponent(missing.join(","))}`,
    );
  await saveMapping(db, imp.regionId, imp.kind, id, file, map);
  await recordAudit(db, await actorOf(session), {
    action: "master.mapping",
    entity: "MasterImport",
    entityId: String(id),
    after: { signature: file.signature, map },
  });
  redirect(`/data/induk/${id}`);
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
    outcome = "plan" in r ? "" : `galat=master.error.${r.error}`;
  } catch (err) {
    if (err instanceof EtlBusyError) outcome = "galat=master.error.busy";
    else {
      console.error("[master] apply failed:", err);
      outcome = "galat=master.error.failed";
    }
  }
  redirect(`/data/induk/${id}?${outcome || "diterapkan=1"}${outcome ? `&${query(opts)}` : ""}`);
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
  redirect(`/data/induk/${id}`);
}
