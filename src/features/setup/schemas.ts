// The setup and settings forms' rules, shared by the pages (errors next to the field) and the server
// actions. Messages are catalog keys, so an error reads in the reader's language.
import { z } from "zod";
import { passwordSchema, usernameSchema } from "@/features/admin/schemas";
import { cleanText } from "@/lib/text";

export const REGION_KINDS = ["KABUPATEN", "KOTA", "PROVINSI"] as const;
/** Indonesia's three time zones: WIB, WITA, WIT. */
export const TIMEZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export const HOLIDAY_KINDS = ["NATIONAL", "CUTI_BERSAMA"] as const;

const text = (max: number) =>
  z.string().transform(cleanText).pipe(z.string().trim().min(1, "validation.required").max(max, "setup.error.tooLong"));

/** A whole number from a form field ("" is missing, "3.5" or "abc" is not a whole number). */
const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );

/** A checkbox: present ("on" or "1") is true, absent is false. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "1" || v === "true", z.boolean());

export const isoDate = z
  .string()
  .trim()
  .regex(/^20\d{2}-\d{2}-\d{2}$/, "validation.date")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "validation.date");

export const firstAdminInput = z
  .object({
    username: usernameSchema,
    name: text(120),
    password: passwordSchema,
    passwordAgain: z.string(),
  })
  .refine((v) => v.password === v.passwordAgain, { path: ["passwordAgain"], message: "setup.error.passwordMismatch" });
export type FirstAdminInput = z.infer<typeof firstAdminInput>;

export const regionInput = z.object({
  name: text(120),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9._-]{0,31}$/, "setup.error.regionCode"),
  kind: z.enum(REGION_KINDS, { error: "setup.error.choose" }),
  timezone: z.enum(TIMEZONES, { error: "setup.error.choose" }),
  ekinerjaDeadlineDay: wholeNumber(1, 28, "setup.error.deadlineDay"),
  dailyLogGraceDays: wholeNumber(0, 10, "setup.error.graceDays"),
});
export type RegionInput = z.infer<typeof regionInput>;

export const holidayInput = z.object({
  date: isoDate,
  kind: z.enum(HOLIDAY_KINDS, { error: "setup.error.choose" }),
  name: text(120),
});
export type HolidayInput = z.infer<typeof holidayInput>;

export const documentInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_]{0,39}$/, "setup.error.docCode"),
  nameId: text(160),
  nameEn: text(160),
  required: checkbox,
});
export type DocumentInput = z.infer<typeof documentInput>;

export const serviceTypeInput = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, "setup.error.serviceCode"),
    nameId: text(160),
    nameEn: text(160),
    slaDays: wholeNumber(1, 365, "setup.error.slaDays"),
    viaBkn: checkbox,
    active: checkbox,
    documents: z.array(documentInput).max(30),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.documents.forEach((d, i) => {
      if (seen.has(d.code))
        ctx.addIssue({ code: "custom", path: ["documents", i, "code"], message: "setup.error.docCodeTwice" });
      seen.add(d.code);
    });
  });
export type ServiceTypeInput = z.infer<typeof serviceTypeInput>;

/** Field errors as catalog keys by field name ("documents.0.code" for a nested one); the first per field. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
