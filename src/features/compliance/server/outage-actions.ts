"use server";
// Outage forms (server actions; they work without JavaScript): HR and administrators record or remove an
// outage; the ETL then reclassifies the months it touches, started at once rather than at the next run.
import { redirect } from "next/navigation";
import { fieldErrors } from "@/features/setup/schemas";
import type { FormState } from "@/features/setup/server/actions";
import { signedInActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { loadUploadsSoon } from "@/server/etl-schedule";
import { field, textFields } from "@/server/form";
import { outageInput } from "../schemas";
import { recordOutage, removeOutage } from "./outages";
import { installationRegion } from "@/server/region";

const PAGE = "/kepatuhan/gangguan";

async function hrActor() {
  const actor = await signedInActor();
  if (actor.role !== "HR" && actor.role !== "ADMIN") redirect("/kepatuhan");
  return actor;
}

export async function saveOutageForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await hrActor();
  const values = textFields(formData);
  const unitIds = formData.getAll("unitIds").filter((v): v is string => typeof v === "string" && v !== "");
  const parsed = outageInput.safeParse({ ...values, unitIds: values.scope === "units" ? unitIds : [] });
  // the chosen units come back with a refused form (text fields keep one value per name)
  const refused = (errors: Record<string, string>) => ({
    errors,
    values: { ...values, unitIds: unitIds.join(",") },
    attempt: Date.now(),
  });
  if (!parsed.success) return refused(fieldErrors(parsed.error));
  if (values.scope === "units" && unitIds.length === 0) return refused({ unitIds: "compliance.outage.error.noUnit" });
  const db = await getDb();
  const region = await installationRegion(db);
  if (!region) return refused({ _form: "setup.region.missing" });
  const result = await recordOutage(db, actor, region.id, parsed.data);
  if (!result.ok) return refused(result.errors);
  loadUploadsSoon();
  redirect(`${PAGE}?tersimpan=1`);
}

export async function removeOutageForm(formData: FormData): Promise<void> {
  const actor = await hrActor();
  const db = await getDb();
  const region = await installationRegion(db);
  const removed = region ? await removeOutage(db, actor, region.id, field(formData, "id")) : false;
  if (removed) loadUploadsSoon();
  redirect(`${PAGE}?${removed ? "dihapus=1" : "galat=1"}`);
}
