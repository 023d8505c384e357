import { z } from "zod";
import { checkAnyNip } from "@/lib/domain/nip";
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
  return (
    !(v.role === "UNIT_HEAD" || v.role === "EMPLOYEE") || Boolean(v.unitId) || (v.role === "EMPLOYEE" && Boolean(v.nip))
  );
}

/** Links an account to its employee record (their requests, leave balance, notifications). */
const linkFields = {
  // checked on either layout (the employee's type is not known yet), with the reason a NIP cannot be one
  nip: z
    .string()
    .trim()
    .superRefine((nip, ctx) => {
      const check = checkAnyNip(nip);
      if (!check.ok)
        ctx.addIssue({
          code: "custom",
          message: `validation.${check.problem}`,
        });
    })
    .nullish(),
  email: z.email("validation.email").max(200).nullish(),
};

export const createUserInput = z
  .object({ username: usernameSchema, password: passwordSchema, ...userFields, ...linkFields })
  .refine(unitNeeded, { path: ["unitId"], message: "validation.unitRequired" });

export const updateUserInput = z
  .object({ id: z.string().min(1), ...userFields, active: z.boolean() })
  .refine(unitNeeded, { path: ["unitId"], message: "validation.unitRequired" });

export type CreateUserInput = z.infer<typeof createUserInput>;

/** The roles HR looks after; only an administrator manages ADMIN, HR and LEADER accounts. */
export const HR_MANAGED_ROLES = ["UNIT_HEAD", "EMPLOYEE"] as const;
type Role = (typeof ROLES)[number];

/** May `actor` manage (reset, deactivate, edit) an account with role `target`? The one rule, for router and screen. */
export function canManageRole(actor: Role, target: Role): boolean {
  if (actor === "ADMIN") return true;
  if (actor === "HR") return (HR_MANAGED_ROLES as readonly Role[]).includes(target);
  return false;
}

export const resetPasswordInput = z.object({
  id: z.string().min(1).max(64),
  /** Omitted: Pantau makes a one-time password and returns it once (or e-mails it). */
  password: passwordSchema.optional(),
  /** "email": send the one-time password to the account's address (SMTP configured) instead of showing it. */
  deliver: z.enum(["show", "email"]).default("show"),
});

export const listUsersInput = z
  .object({
    q: z.string().trim().max(100).optional(),
    role: z.enum(ROLES).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .default({ limit: 50, offset: 0 });

export const BULK_INCLUDE = ["all", "heads", "employees"] as const;

/** Which employees get accounts, and which of them as unit heads. */
export const bulkAccountsInput = z.object({
  /** A unit and everything under it; null: the whole region. */
  unitId: z.string().trim().min(1).max(64).nullable(),
  /** Words the position contains (case ignored); empty: any position. */
  position: z.string().transform(cleanText).pipe(z.string().trim().max(100)).default(""),
  /** Employees whose position starts with this become unit heads (e.g. "Kepala"); empty: none by position. */
  headPrefix: z.string().transform(cleanText).pipe(z.string().trim().max(100)).default("Kepala"),
  /** Chosen by hand, overriding the position rule: these become unit heads … */
  headIds: z.array(z.string().min(1).max(64)).max(10_000).default([]),
  /** … and these plain employees. */
  employeeIds: z.array(z.string().min(1).max(64)).max(10_000).default([]),
  /** Make accounts for everyone found, only the unit heads, or only the employees. */
  include: z.enum(BULK_INCLUDE).default("all"),
});
export type BulkAccountsInput = z.infer<typeof bulkAccountsInput>;

export const changePasswordInput = z
  .object({
    current: z.string().min(1, "validation.required").max(200, "validation.passwordLength"),
    next: passwordSchema,
    confirm: z.string().max(200),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "accounts.validation.mismatch" })
  .refine((v) => v.next !== v.current, { path: ["next"], message: "accounts.validation.samePassword" });
