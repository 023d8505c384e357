"use server";
// The public survey form posts here (a server action: it works without JavaScript too). The thank-you
// page is shown only after the response is stored. What the server trusts comes from the page itself:
// an open link's point code (the channel is only ever LINK or QR here) or a one-time link's token,
// each checked again — never an argument the browser could rewrite into another channel.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientKeyFrom } from "@/server/auth/authenticate";
import { getDb } from "@/server/db";
import { textFields } from "@/server/form";
import { answersFromForm } from "../schemas";
import { submitSurvey, type SubmitTarget } from "./submit";

export interface SurveyFormState {
  errors: Record<string, string>;
  retryMinutes?: number;
  /** The answers as sent, so a refused form comes back filled in. */
  values?: Record<string, string>;
}

const POINT_CODE = /^[A-Za-z0-9_-]{1,80}$/;
const TOKEN = /^[A-Za-z0-9_-]{16,200}$/;

async function submitForm(target: SubmitTarget, values: Record<string, string>): Promise<SurveyFormState> {
  const result = await submitSurvey(await getDb(), target, answersFromForm(values), clientKeyFrom(await headers()));
  if (!result.ok) return { errors: result.errors, retryMinutes: result.retryMinutes, values };
  redirect(target.kind === "invite" ? "/survei/terima-kasih?undangan=1" : "/survei/terima-kasih");
}

/** An open link's answer: the point's code and whether it came through the QR code. */
export async function submitPointSurvey(_prev: SurveyFormState, formData: FormData): Promise<SurveyFormState> {
  const values = textFields(formData);
  const code = values.point ?? "";
  if (!POINT_CODE.test(code)) return { errors: { form: "survey.error.unknownPoint" }, values };
  return submitForm({ kind: "point", code, channel: values.via === "qr" ? "QR" : "LINK" }, values);
}

/** A one-time link's answer: its token. */
export async function submitInviteSurvey(_prev: SurveyFormState, formData: FormData): Promise<SurveyFormState> {
  const values = textFields(formData);
  const token = values.token ?? "";
  if (!TOKEN.test(token)) return { errors: { form: "survey.error.unknownInvite" }, values };
  return submitForm({ kind: "invite", token }, values);
}
