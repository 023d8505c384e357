import { z } from "zod";
import { cleanText } from "@/lib/text";

export const ROLES = ["ADMIN", "LEADER", "HR", "UNIT_HEAD", "EMPLOYEE"] as const;

// Messages are catalog keys, so the form shows them in the user's language.
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "validation.username")
  .max(64, "validation.username")
  .regex(/^[a-z0-9._-]+$/, "validation.username");

export const passwordSchema = z.string().min(8, "validation.passwordLength").max(200, "validation.passwordLength");

const userFields = {
  name: z.string().transform(cleanText).pipe(z.string().trim().min(1, "validation.required").max(120)),
  role: z.enum(ROLES),
  unitId: z.string().trim().min(1).nullable(),
};

/** Unit heads and employees need a unit; an employee linked by NIP takes the employee record's unit. */
function unitNeeded(v: { role?: string; unitId?: string | null; nip?: string | null }) {
  return !(v.role === "UNIT_HEAD" || v.role === "EMPLOYEE") || Boolean(v.unitId) || (v.role === "EMPLOYEE" && Boolean(v.nip));
}

/** Links an account to its employee record (their requests, leave balance, notifications). */
const linkFields = {
  nip: z.string().trim().regex(/^\d{18}$/, "validation.nip").nullish(),
  email: z.email("validation.email").max(200).nullish(),
};

export const createUserInput = z
  .object({ username: usernameSchema, password: passwordSchema, ...userFields, ...linkFields })
  .refine(unitNeeded, { path: ["unitId"], message: "validation.unitRequired" });

export const updateUserInput = z
  .object({ id: z.string().min(1), ...userFields, active: z.boolean() })
  .refine(unitNeeded, { path: ["unitId"], message: "validation.unitRequired" });

export const resetPasswordInput = z.object({ id: z.string().min(1), password: passwordSchema });

export type CreateUserInput = z.infer<typeof createUserInput>;
