"use server";
// Compliance forms (server actions; they work without JavaScript).
import { redirect } from "next/navigation";
import { signedInActor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit";
import { getDb } from "@/server/db";
import { recordFollowUp } from "./follow-up";
import { field } from "@/server/form";

export async function followUpForm(formData: FormData): Promise<void> {
  const u = await signedInActor();
  const employeeId = field(formData, "employeeId");
  const state = formData.get("state") === "RESOLVED" ? "RESOLVED" : "CONTACTED";
  const back = field(formData, "back");
  const result = await recordFollowUp(await getDb(), u, employeeId, state, field(formData, "note"));
  const q = new URLSearchParams(back.startsWith("dari=") ? back : "");
  if (result.ok) q.set("tindak", state);
  else q.set("galat", result.error);
  redirect(`/kepatuhan/pegawai/${encodeURIComponent(employeeId)}?${q.toString()}`);
}

/** The region's e-Kinerja deadlines (Batas Pengisian): HR and administrators. New imports use them. */
export async function saveDeadlines(formData: FormData): Promise<void> {
  const u = await signedInActor();
  if (u.role !== "HR" && u.role !== "ADMIN") redirect("/kepatuhan");
  const day = Number(formData.get("deadlineDay"));
  const grace = Number(formData.get("graceDays"));
  if (!Number.isInteger(day) || day < 1 || day > 28 || !Number.isInteger(grace) || grace < 0 || grace > 10)
    redirect("/kepatuhan?galat=compliance.error.deadline");
  const db = await getDb();
  const id = field(formData, "regionId");
  const before = await db.region.findUnique({
    where: { id },
    select: { ekinerjaDeadlineDay: true, dailyLogGraceDays: true },
  });
  if (!before) redirect("/kepatuhan");
  await db.$transaction(async (tx) => {
    const after = await tx.region.update({
      where: { id },
      data: { ekinerjaDeadlineDay: day, dailyLogGraceDays: grace },
      select: { ekinerjaDeadlineDay: true, dailyLogGraceDays: true },
    });
    await recordAudit(tx, u, { action: "region.ekinerja_deadlines", entity: "Region", entityId: id, before, after });
  });
  redirect("/kepatuhan?tersimpan=1");
}

/** A discipline threshold's number of days (HR and administrators), audited. */
export async function saveThreshold(formData: FormData): Promise<void> {
  const u = await signedInActor();
  if (u.role !== "HR" && u.role !== "ADMIN") redirect("/kepatuhan/disiplin");
  const code = field(formData, "code");
  const minDays = Number(formData.get("minDays"));
  if (!Number.isInteger(minDays) || minDays < 1 || minDays > 366)
    redirect("/kepatuhan/disiplin?galat=compliance.error.days");
  const db = await getDb();
  const before = await db.disciplineThreshold.findUnique({ where: { code } });
  if (!before) redirect("/kepatuhan/disiplin");
  await db.$transaction(async (tx) => {
    const after = await tx.disciplineThreshold.update({ where: { code }, data: { minDays } });
    await recordAudit(tx, u, {
      action: "discipline.threshold",
      entity: "DisciplineThreshold",
      entityId: code,
      before,
      after,
    });
  });
  redirect("/kepatuhan/disiplin?tersimpan=1");
}
