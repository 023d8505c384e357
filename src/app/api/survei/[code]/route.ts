// The survey over HTTP for kiosks and other clients (and the load benchmark): POST the form's fields
// as JSON to /api/survei/<service point code>. 201 with the response id once it is stored; 400 with the
// field errors (catalog keys, and the Indonesian and English texts); 429 when the client sent too many.
import { headers } from "next/headers";
import { isMessageKey, translator } from "@/i18n/catalog";
import { submitSurvey } from "@/features/survey/server/submit";
import { clientKeyFrom } from "@/server/auth/authenticate";
import { getDb } from "@/server/db";
import { readJsonBody } from "@/server/http/body";

export const dynamic = "force-dynamic";

/** An answer is well under 3 KB (a 2,000-character suggestion and a 200-character contact, in UTF-8 at most 8 KB). */
const MAX_BODY_BYTES = 8 * 1024;

/** Each field's error as its catalog key and its text in both languages. */
function messagesOf(errors: Record<string, string>, vars: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(errors).map(([field, key]) => [
      field,
      isMessageKey(key)
        ? { id: translator("id")(key, vars), en: translator("en")(key, vars) }
        : { id: translator("id")("error.body"), en: translator("en")("error.body") },
    ]),
  );
}

function problem(key: string, status: number) {
  const errors = { form: key };
  return Response.json({ errors, messages: messagesOf(errors, {}) }, { status });
}

export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return problem(body.status === 413 ? "survey.error.tooLarge" : "survey.error.body", body.status);
  const via = new URL(request.url).searchParams.get("via") === "qr" ? "QR" : "LINK";
  const result = await submitSurvey(
    await getDb(),
    { kind: "point", code: code.slice(0, 80), channel: via },
    body.value,
    clientKeyFrom(await headers()),
  );
  if (result.ok) return Response.json({ id: result.responseId }, { status: 201 });
  const messages = messagesOf(result.errors, { minutes: result.retryMinutes ?? 10 });
  const status =
    result.errors.form === "survey.error.throttled"
      ? 429
      : result.errors.form === "survey.error.unknownPoint"
        ? 404
        : 400;
  return Response.json(
    { errors: result.errors, messages },
    { status, headers: status === 429 ? { "retry-after": String((result.retryMinutes ?? 10) * 60) } : undefined },
  );
}
