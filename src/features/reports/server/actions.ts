"use server";
// HR's report forms: make a draft, publish it, discard it (server actions; no JavaScript needed).
import { redirect } from "next/navigation";
import { signedInActor } from "@/server/auth/actor";
import { getClickHouse } from "@/server/clickhouse";
import { getDb } from "@/server/db";
import { createDraft, discardDraft, publishReport } from "./reports";
import { today } from "@/server/clock";
import { field } from "@/server/form";
import { installationRegion } from "@/server/region";

export async function draftReport(formData: FormData): Promise<void> {
  const u = await signedInActor();
  const db = await getDb();
  const region = await installationRegion(db);
  if (!region) redirect("/admin/laporan?galat=reports.error.region");
  const period = field(formData, "period");
  const result = await createDraft(
    db,
    await getClickHouse(),
    u,
    region.id,
    period,
    field(formData, "note"),
    today(region.timezone),
  );
  if (!result.ok) redirect(`/admin/laporan?galat=${result.error}&periode=${encodeURIComponent(period)}`);
  redirect(`/admin/laporan/${result.id}`);
}

export async function publishDraft(formData: FormData): Promise<void> {
  const u = await signedInActor();
  const id = field(formData, "id");
  // published reports cannot be withdrawn: only with the confirmation ticked
  if (field(formData, "confirm") !== "1")
    redirect(`/admin/laporan/${encodeURIComponent(id)}?galat=reports.error.confirm`);
  const db = await getDb();
  const result = await publishReport(db, u, id);
  if (!result.ok) redirect(`/admin/laporan/${encodeURIComponent(id)}?galat=${result.error}`);
  const row = await db.publicReport.findUniqueOrThrow({ where: { id } });
  const region = await db.region.findUniqueOrThrow({ where: { id: row.regionId } });
  redirect(`/laporan/${region.code.toLowerCase()}/${row.period}?terbit=1`);
}

export async function discardReport(formData: FormData): Promise<void> {
  const u = await signedInActor();
  await discardDraft(await getDb(), u, field(formData, "id"));
  redirect("/admin/laporan");
}
