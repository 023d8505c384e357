// Each service's own form fields, checked the same way in the browser and on the server.
// Labels and errors are message keys (requests.field.*, requests.error.*); the catalog words them.
import { z } from "zod";
import { LeaveKind } from "@/generated/prisma/enums";
import { cleanText } from "@/lib/text";

export type FieldKind = "text" | "textarea" | "date" | "select";

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  options?: readonly string[];
  max?: number;
}

export const LEAVE_KINDS = Object.values(LeaveKind);
/** The six national promotion periods (kenaikan pangkat). */
export const PROMOTION_PERIODS = ["02", "04", "06", "08", "10", "12"] as const;

const reason: FieldSpec = { name: "reason", kind: "textarea", required: true, max: 1000 };
const text = (name: string, required = true): FieldSpec => ({ name, kind: "text", required, max: 200 });

const FIELDS: Record<string, readonly FieldSpec[]> = {
  CUTI: [
    { name: "leaveKind", kind: "select", required: true, options: LEAVE_KINDS },
    { name: "startsOn", kind: "date", required: true },
    { name: "endsOn", kind: "date", required: true },
    reason,
    { name: "address", kind: "textarea", required: true, max: 500 },
    text("phone", false),
  ],
  KP: [{ name: "period", kind: "select", required: true, options: PROMOTION_PERIODS }, reason],
  MUTASI: [text("destination"), reason],
  PENSIUN: [{ name: "effectiveDate", kind: "date", required: true }, reason],
  KARIS: [text("spouseName"), { name: "marriageDate", kind: "date", required: true }],
  "IZIN-BELAJAR": [text("institution"), text("program"), reason],
  GELAR: [text("degree"), text("institution")],
};

/** The fields of a service's form (services without their own fields ask for a description). */
export function fieldsFor(serviceCode: string): readonly FieldSpec[] {
  return FIELDS[serviceCode] ?? [reason];
}

/** A message key and its values, e.g. { key: "requests.error.leave.balance", vars: { remaining: 4 } }. */
export interface FieldError {
  key: string;
  vars?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError>;

// Years outside 1900–2100 are typing in progress or mistakes (and JavaScript maps years 0–99 to 1900s).
const isoDate = z
  .string()
  .regex(/^(19|20)\d{2}-\d{2}-\d{2}$|^2100-\d{2}-\d{2}$/)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  });

/** Checks the submitted values against the service's fields: the clean values, or an error key per field. */
export function parseFields(
  serviceCode: string,
  values: Record<string, string | undefined>,
): { ok: true; data: Record<string, string> } | { ok: false; errors: FieldErrors } {
  const data: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const f of fieldsFor(serviceCode)) {
    const v = cleanText(values[f.name] ?? "").trim();
    if (!v) {
      if (f.required) errors[f.name] = { key: "requests.error.required" };
      continue;
    }
    if (f.max && v.length > f.max) errors[f.name] = { key: "requests.error.tooLong" };
    else if (f.kind === "date" && !isoDate.safeParse(v).success) errors[f.name] = { key: "requests.error.date" };
    else if (f.kind === "select" && !f.options!.includes(v)) errors[f.name] = { key: "requests.error.option" };
    else data[f.name] = v;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}

/** A document the service asks for (ServiceType.documents). */
export interface RequiredDocument {
  code: string;
  nameId: string;
  nameEn: string;
  required: boolean;
}

export const documentList = z.array(
  z.object({
    code: z.string().regex(/^[A-Z0-9_]{1,40}$/),
    nameId: z.string(),
    nameEn: z.string(),
    required: z.boolean(),
  }),
);

/** A service's document list from its stored JSON (an unreadable list means no documents rather than a crash). */
export function documentsOf(json: unknown): RequiredDocument[] {
  const parsed = documentList.safeParse(json);
  return parsed.success ? parsed.data : [];
}

/** Form field name of a document upload. */
export const documentField = (code: string) => `doc_${code}`;
