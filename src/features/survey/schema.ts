// The survey form's one schema, used by the browser (errors next to the field as the respondent goes)
// and by the server (the only check that counts). Messages are catalog keys.
import { z } from "zod";

export const AGE_GROUPS = ["<=25", "26-35", "36-45", "46-55", ">=56"] as const;
export const GENDERS = ["L", "P"] as const;
export const EDUCATIONS = ["SD", "SMP", "SMA", "D1-D3", "D4-S1", "S2-S3"] as const;
export const OCCUPATIONS = ["PNS", "PPPK", "TNI-POLRI", "SWASTA", "WIRAUSAHA", "PELAJAR", "LAINNYA"] as const;

const score = z.coerce
  .number({ message: "survey.error.score" })
  .int("survey.error.score")
  .min(1, "survey.error.score")
  .max(4, "survey.error.score");

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: "survey.error.choose" });

/** Optional text: empty means absent. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "survey.error.tooLong")
    .optional()
    .transform((s) => (s ? s : undefined));

export const surveyAnswers = z
  .object({
    /** Made when the form was shown: the same key twice is the same response. */
    submissionKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "survey.error.expired"),
    /** Asked only where the link does not say (a service point offering several services). */
    serviceTypeId: z.string().max(64).optional().transform((s) => s || undefined),
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
      .union([z.literal("on"), z.literal("true"), z.boolean()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
    contact: optionalText(200),
    /** The honeypot: hidden from people, filled by bots. */
    website: z.string().max(500).optional(),
  })
  .refine((a) => !a.isComplaint || !!a.suggestion, { path: ["suggestion"], message: "survey.error.complaintText" });

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
