// A service point as HR and administrators enter it (the form and the server action share it).
import { z } from "zod";

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
