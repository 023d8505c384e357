// The survey over HTTP for kiosks and other clients (and the load benchmark): POST the form's fields
// as JSON to /api/survei/<service point code>. 201 with the response id once it is stored; 400 with the
// field errors (catalog keys, and the Indonesian and English texts); 429 when the client sent too many.
import { headers } from "next/headers";
import { isMessageKey, translator } from "@/i18n/catalog";
import { submitSurvey } from "@/features/survey/server/submit";
import { clientKeyFrom } from "@/server/auth/authenticate";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ errors: { form: "survey.error.body" } }, { status: 400 });
  }
  const via = new URL(request.url).searchParams.get("via") === "qr" ? "QR" : "LINK";
  const result = await submitSurvey(await getDb(), { kind: "point", code: code.slice(0, 80), channel: via }, body, clientKeyFrom(await headers()));
  if (result.ok) return Response.json({ id: result.responseId }, { status: 201 });
  const vars = { minutes: result.retryMinutes ?? 10 };
  const messages = Object.fromEntries(
    Object.entries(result.errors).map(([field, key]) => [field, isMessageKey(key) ? { id: translator("id")(key, vars), en: translator("en")(key, vars) } : { id: key, en: key }]),
  );
  const status = result.errors.form === "survey.error.throttled" ? 429 : result.errors.form === "survey.error.unknownPoint" ? 404 : 400;
  return Response.json({ errors: result.errors, messages }, { status, headers: status === 429 ? { "retry-after": String((result.retryMinutes ?? 10) * 60) } : undefined });
}
