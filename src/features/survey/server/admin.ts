"use server";
// Survey administration for HR and administrators: service points (each with its link and QR code).
// Plain form posts (server actions), checked with zod, audited.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { servicePointInput, surveyPeriodInput } from "../schemas";
import { recordAudit } from "@/server/audit";
import { requireRole } from "@/server/auth";
import { getDb } from "@/server/db";
import { field, textFields } from "@/server/form";
import { actorOf } from "@/server/auth/actor";
import { forgetDeclaredPopulation } from "@/features/dashboard/server/satisfaction";
import { installationRegion } from "@/server/region";

const ROLES = ["ADMIN", "HR"] as const;

export async function createServicePoint(formData: FormData) {
  const session = await requireRole(ROLES, "/admin/survei");
  const parsed = servicePointInput.safeParse(textFields(formData));
  if (!parsed.success)
    redirect(
      `/admin/survei?galat=${encodeURIComponent(parsed.error.issues[0]!.message)}&kolom=${String(parsed.error.issues[0]!.path[0] ?? "")}`,
    );
  const db = await getDb();
  const unit = await db.unit.findUnique({ where: { id: parsed.data.unitId } });
  if (!unit) redirect("/admin/survei?galat=survey.error.choose&kolom=unitId");
  if (await db.servicePoint.findUnique({ where: { code: parsed.data.code } }))
    redirect("/admin/survei?galat=survey.admin.error.codeTaken&kolom=code");
  const point = await db.$transaction(async (tx) => {
    const p = await tx.servicePoint.create({ data: { ...parsed.data, regionId: unit.regionId } });
    await recordAudit(tx, await actorOf(session), {
      action: "survey.point.create",
      entity: "ServicePoint",
      entityId: p.id,
      after: p,
    });
    return p;
  });
  forgetDeclaredPopulation(db);
  revalidatePath("/admin/survei");
  redirect(`/admin/survei?dibuat=${point.code}`);
}

export async function setServicePointActive(formData: FormData) {
  const session = await requireRole(ROLES, "/admin/survei");
  const id = field(formData, "id");
  const active = formData.get("active") === "1";
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.servicePoint.findUnique({ where: { id } });
    if (!before) return;
    const after = await tx.servicePoint.update({ where: { id }, data: { active } });
    await recordAudit(tx, await actorOf(session), {
      action: "survey.point.update",
      entity: "ServicePoint",
      entityId: id,
      before,
      after,
    });
  });
  forgetDeclaredPopulation(db);
  revalidatePath("/admin/survei");
  redirect("/admin/survei");
}

/** Issues a one-time link for a finished request and shows it once (the token is not stored). */
export async function issueInviteLink(formData: FormData) {
  const session = await requireRole(ROLES, "/admin/survei");
  const number = field(formData, "number").slice(0, 64);
  const db = await getDb();
  const { issueInvite } = await import("./invites");
  const result = await issueInvite(db, number);
  if ("error" in result)
    redirect(`/admin/survei?galatUndangan=${result.error}&nomor=${encodeURIComponent(number)}#invite`);
  await recordAudit(db, await actorOf(session), {
    action: "survey.invite.issue",
    entity: "ServiceRequest",
    entityId: number,
  });
  redirect(`/admin/survei?undangan=${encodeURIComponent(result.token)}&nomor=${encodeURIComponent(number)}#invite`);
}

/** Adds a survey period (the IKM of each is one click away on the satisfaction page). */
export async function createSurveyPeriod(formData: FormData) {
  const session = await requireRole(ROLES, "/admin/survei");
  const parsed = surveyPeriodInput.safeParse(textFields(formData));
  if (!parsed.success)
    redirect(`/admin/survei?galatPeriode=${encodeURIComponent(parsed.error.issues[0]!.message)}#periods`);
  const db = await getDb();
  const region = await installationRegion(db);
  if (!region) redirect("/admin/survei?galatPeriode=survey.error.unknownPoint#periods");
  await db.$transaction(async (tx) => {
    const p = await tx.surveyPeriod.create({
      data: {
        regionId: region.id,
        name: parsed.data.name,
        startsOn: new Date(`${parsed.data.startsOn}T00:00:00Z`),
        endsOn: new Date(`${parsed.data.endsOn}T00:00:00Z`),
      },
    });
    await recordAudit(tx, await actorOf(session), {
      action: "survey.period.create",
      entity: "SurveyPeriod",
      entityId: p.id,
      after: p,
    });
  });
  revalidatePath("/admin/survei");
  redirect("/admin/survei#periods");
}
