"use server";
// The public survey form posts here (a server action: it works without JavaScript too). The thank-you
// page is shown only after the response is stored.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientKeyFrom } from "@/server/auth/authenticate";
import { getDb } from "@/server/db";
import { submitSurvey, type SubmitTarget } from "./submit";

export interface SurveyFormState {
  errors: Record<string, string>;
  retryMinutes?: number;
  /** The answers as sent, so a refused form comes back filled in. */
  values?: Record<string, string>;
}

export async function submitSurveyForm(target: SubmitTarget, _prev: SurveyFormState, formData: FormData): Promise<SurveyFormState> {
  const values = Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")).map(([k, v]) => [k, String(v)]));
  const result = await submitSurvey(await getDb(), target, values, clientKeyFrom(await headers()));
  if (!result.ok) return { errors: result.errors, retryMinutes: result.retryMinutes, values };
  redirect(target.kind === "invite" ? "/survei/terima-kasih?undangan=1" : "/survei/terima-kasih");
}
