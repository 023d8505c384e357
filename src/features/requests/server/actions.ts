"use server";
// The request forms post here (server actions: they work without JavaScript too, files included).
import { redirect } from "next/navigation";
import { signedInActor } from "@/server/auth/actor";
import { publicBaseUrl } from "@/features/survey/server/qr";
import { issueInviteForOwner } from "./survey-link";
import type { FieldErrors } from "../forms";
import type { RequestAction } from "../workflow";
import { requestDeps } from "./deps";
import { actOnRequest, submitRequest } from "./requests";
import type { UploadFile } from "./documents";
import { field, textFields } from "@/server/form";

export interface RequestFormState {
  errors: FieldErrors;
  /** The values as sent, so a refused form comes back filled in (files must be chosen again). */
  values?: Record<string, string>;
  /** Changes with every answer: the form is drawn afresh with the values sent (React resets a form after its action). */
  attempt?: number;
}

function split(formData: FormData) {
  const files = new Map<string, UploadFile>();
  for (const [k, v] of formData.entries()) if (typeof v !== "string" && k.startsWith("doc_")) files.set(k.slice(4), v);
  return { values: textFields(formData), files };
}

export async function submitRequestForm(_prev: RequestFormState, formData: FormData): Promise<RequestFormState> {
  const user = await signedInActor();
  const { values, files } = split(formData);
  const result = await submitRequest(await requestDeps(await publicBaseUrl()), user, {
    serviceTypeId: values.serviceTypeId ?? "",
    values,
    files,
    actionKey: values.actionKey ?? "",
  });
  if (!result.ok) return { errors: result.errors, values, attempt: Date.now() };
  redirect(`/layanan/${result.requestId}?dikirim=1`);
}

export async function actOnRequestForm(_prev: RequestFormState, formData: FormData): Promise<RequestFormState> {
  const user = await signedInActor();
  const { values, files } = split(formData);
  const result = await actOnRequest(await requestDeps(await publicBaseUrl()), user, {
    requestId: values.requestId ?? "",
    action: (values.action ?? "") as RequestAction,
    reason: values.reason,
    actionKey: values.actionKey ?? "",
    files,
  });
  if (!result.ok) return { errors: result.errors, values, attempt: Date.now() };
  redirect(`/layanan/${result.requestId}?tindakan=${encodeURIComponent(values.action ?? "")}`);
}

/** The employee opens the survey for their finished request: a fresh one-time link each time (only its hash is kept). */
export async function openSurvey(formData: FormData): Promise<void> {
  const user = await signedInActor();
  const token = await issueInviteForOwner(user, field(formData, "requestId"));
  redirect(token ? `/survei/undangan/${token}` : `/layanan/${encodeURIComponent(field(formData, "requestId"))}`);
}

export async function markNotificationsRead(): Promise<void> {
  const user = await signedInActor();
  const { db } = await requestDeps("");
  await db.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
  redirect("/notifikasi");
}
