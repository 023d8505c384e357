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

const ROLES = ["ADMIN", "HR"] as const;

export async function createServicePoint(formData: FormData) {
  const session = await requireRole(ROLES, "/admin/survey");
  const parsed = servicePointInput.safeParse(textFields(formData));
  if (!parsed.success)
    redirect(
      `/admin/survey?error=${encodeURIComponent(parsed.error.issues[0]!.message)}&field=${String(parsed.error.issues[0]!.path[0] ?? "")}`,
    );
  const db = await getDb();
  const unit = await db.unit.findUnique({ where: { id: parsed.data.unitId } });
  if (!unit) redirect("/admin/survey?error=survey.error.choose&field=unitId");
  if (await db.servicePoint.findUnique({ where: { code: parsed.data.code } }))
    redirect("/admin/survey?error=survey.admin.error.codeTaken&field=code");
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
  revalidatePath("/admin/survey");
  redirect(`/admin/survey?created=${point.code}`);
}

export async function setServicePointActive(formData: FormData) {
  const session = await requireRole(ROLES, "/admin/survey");
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
  revalidatePath("/admin/survey");
  redirect("/admin/survey");
}

/** Issues a one-time link for a finished request and shows it once (the token is not stored). */
export async function issueInviteLink(formData: FormData) {
  const session = await requireRole(ROLES, "/admin/survey");
  const number = field(formData, "number").slice(0, 64);
  const db = await getDb();
  const { issueInvite } = await import("./invites");
  const result = await issueInvite(db, number);
  if ("error" in result)
    redirect(`/admin/survey?inviteError=${result.error}&number=${encodeURIComponent(number)}#invite`);
  await recordAudit(db, await actorOf(session), {
    action: "survey.invite.issue",
    entity: "ServiceRequest",
    entityId: number,
  });
  redirect(`/admin/survey?invite=${encodeURIComponent(result.token)}&number=${encodeURIComponent(number)}#invite`);
}

/** Adds a survey period (the IKM of each is one click away on the satisfaction page). */
export async function createSurveyPeriod(formData: FormData) {
  const session = await requireRole(ROLES, "/admin/survey");
  const parsed = surveyPeriodInput.safeParse(textFields(formData));
  if (!parsed.success)
    redirect(`/admin/survey?periodError=${encodeURIComponent(parsed.error.issues[0]!.message)}#periods`);
  const db = await getDb();
  const region = await db.region.findFirst({ orderBy: { createdAt: "asc" } });
  if (!region) redirect("/admin/survey?periodError=survey.error.unknownPoint#periods");
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
  revalidatePath("/admin/survey");
  redirect("/admin/survey#periods");
}
