"use server";
// Element wording as data: HR and administrators adjust the nine questions and their four answers in
// both languages (the defaults follow PermenPAN-RB 14/2017's example). Audited.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ELEMENTS } from "@/lib/domain/ikm";
import { recordAudit } from "@/server/audit";
import { requireRole } from "@/server/auth";
import { getDb } from "@/server/db";
import { elementWordingInput } from "../schemas";
import { field } from "@/server/form";
import { actorOf } from "@/server/auth/actor";

export async function saveElementWording(formData: FormData) {
  const session = await requireRole(["ADMIN", "HR"], "/admin/survei");
  const code = field(formData, "code");
  const raw = {
    code,
    questionId: field(formData, "questionId"),
    questionEn: field(formData, "questionEn"),
    optionsId: [1, 2, 3, 4].map((i) => field(formData, `optionId${i}`)),
    optionsEn: [1, 2, 3, 4].map((i) => field(formData, `optionEn${i}`)),
  };
  const parsed = elementWordingInput.safeParse(raw);
  if (!parsed.success || !(ELEMENTS as readonly string[]).includes(code))
    redirect(`/admin/survei?galat=survey.admin.error.wording#wording`);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.surveyElement.findUnique({ where: { code } });
    const after = await tx.surveyElement.upsert({ where: { code }, create: parsed.data, update: parsed.data });
    await recordAudit(tx, await actorOf(session), {
      action: "survey.element.update",
      entity: "SurveyElement",
      entityId: code,
      before,
      after,
    });
  });
  revalidatePath("/admin/survei");
  redirect(`/admin/survei?tersimpan=${code}#wording`);
}
