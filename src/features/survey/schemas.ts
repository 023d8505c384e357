// The survey's zod schemas. The form's one schema is used by the browser (errors next to the field as the
// respondent goes) and by the server (the only check that counts); then what HR enters. Messages are catalog keys.
import { z } from "zod";
import { cleanText } from "@/lib/text";

export const AGE_GROUPS = ["<=25", "26-35", "36-45", "46-55", ">=56"] as const;
export const GENDERS = ["L", "P"] as const;
export const EDUCATIONS = ["SD", "SMP", "SMA", "D1-D3", "D4-S1", "S2-S3"] as const;
export const OCCUPATIONS = ["PNS", "PPPK", "TNI-POLRI", "SWASTA", "WIRAUSAHA", "PELAJAR", "LAINNYA"] as const;

/** A score is the number 1–4 (in JSON); the form's "1"–"4" are turned into numbers first (surveyForm). */
const score = z
  .number({ error: "survey.error.score" })
  .int("survey.error.score")
  .min(1, "survey.error.score")
  .max(4, "survey.error.score");

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: "survey.error.choose" });

/** Optional text: empty means absent; control characters (NUL among them) are dropped. */
const optionalText = (max: number) =>
  z
    .string({ error: "survey.error.text" })
    .transform(cleanText)
    .pipe(z.string().trim().max(max, "survey.error.tooLong"))
    .optional()
    .transform((s) => (s ? s : undefined));

/**
 * One answer, exactly typed (the JSON API): scores are numbers, the complaint flag a boolean, and a
 * field Pantau does not know is refused rather than ignored.
 */
export const surveyAnswers = z
  .strictObject(
    {
      /** Made when the form was shown: the same key twice is the same response. */
      submissionKey: z
        .string({ error: "survey.error.expired" })
        .regex(/^[A-Za-z0-9_-]{16,64}$/, "survey.error.expired"),
      /** Asked only where the link does not say (a service point offering several services). */
      serviceTypeId: z
        .string({ error: "survey.error.choose" })
        .max(64, "survey.error.choose")
        .optional()
        .transform((s) => s || undefined),
      ageGroup: choice(AGE_GROUPS),
      gender: choice(GENDERS),
      education: choice(EDUCATIONS),
      occupation: choice(OCCUPATIONS),
      u1: score,
      u2: score,
      u3: score,
      u4: score,
      u5: score,
      u6: score,
      u7: score,
      u8: score,
      u9: score,
      suggestion: optionalText(2000),
      isComplaint: z
        .boolean({ error: "survey.error.choose" })
        .optional()
        .transform((v) => v === true),
      contact: optionalText(200),
      /** The honeypot: hidden from people, filled by bots. */
      website: z.string({ error: "survey.error.text" }).max(500, "survey.error.tooLong").optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "survey.error.unknownField" : undefined) },
  )
  .refine((a) => !a.isComplaint || !!a.suggestion, { path: ["suggestion"], message: "survey.error.complaintText" });

/** Fields the form carries that are not answers (the page's own, read by the action, and React's). */
const FORM_ONLY = new Set(["point", "via", "token"]);

/** The form's fields (all text) as the typed answer: "1"–"4" become scores, a ticked box true. */
export function answersFromForm(entries: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entries)) {
    if (k.startsWith("$") || FORM_ONLY.has(k) || typeof v !== "string") continue;
    if (/^u[1-9]$/.test(k)) out[k] = /^[1-4]$/.test(v) ? Number(v) : v === "" ? undefined : v;
    else if (k === "isComplaint") out[k] = v === "on" || v === "true";
    else out[k] = v;
  }
  return out;
}

/** The form's check, in the browser and in the server action: the same schema after answersFromForm. */
export const surveyForm = z.preprocess((raw) => answersFromForm(raw as Record<string, unknown>), surveyAnswers);

export type SurveyAnswers = z.output<typeof surveyAnswers>;

/** Field → first error (a catalog key), for showing next to the field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

// ---- what HR and administrators enter: service points, survey periods, element wording ----

/** A service point as HR and administrators enter it (the form and the server action share it). */
export const servicePointInput = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{2,39}$/, "survey.admin.error.code"),
  name: z.string().trim().min(3, "survey.admin.error.name").max(120, "survey.admin.error.name"),
  unitId: z.string().min(1, "survey.error.choose").max(64),
  serviceTypeId: z
    .string()
    .max(64)
    .optional()
    .transform((s) => s || null),
  population: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      const n = Number(s.replace(/\./g, ""));
      if (!Number.isInteger(n) || n < 1 || n > 10_000_000) {
        ctx.addIssue({ code: "custom", message: "survey.admin.error.population" });
        return z.NEVER;
      }
      return n;
    }),
});

const text = (max: number) =>
  z.string().trim().min(2, "survey.admin.error.wording").max(max, "survey.admin.error.wording");

/** One element's wording: the question and its four answers, worst to best, in both languages. */
export const elementWordingInput = z.object({
  code: z.string(),
  questionId: text(300),
  questionEn: text(300),
  optionsId: z.array(text(80)).length(4),
  optionsEn: z.array(text(80)).length(4),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date");

/** A survey period: a name and an inclusive date range of at most two years. */
export const surveyPeriodInput = z
  .object({
    name: z.string().trim().min(3, "survey.admin.error.name").max(80, "survey.admin.error.name"),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .refine((p) => p.startsOn <= p.endsOn, { path: ["endsOn"], message: "validation.dateRange" })
  .refine((p) => Date.parse(p.endsOn) - Date.parse(p.startsOn) <= 731 * 86_400_000, {
    path: ["endsOn"],
    message: "survey.admin.error.periodLength",
  });
