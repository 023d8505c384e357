"use server";
// The password change is a form post (works before or without JavaScript), like the login: the one
// thing an account with a one-time password may do, so it reads the session that still owes it.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/env";
import { changePasswordInput } from "@/features/admin/schemas";
import type { MessageKey } from "@/i18n/catalog";
import { homeFor } from "@/lib/navigation";
import { sameOriginPath } from "@/lib/safe-redirect";
import { getAccountSession } from "@/server/auth";
import { clientKeyFrom } from "@/server/auth/authenticate";
import { changeOwnPassword, PasswordChangeError } from "@/server/auth/change-password";
import { sessionCookie } from "@/server/auth/session-token";
import { getDb } from "@/server/db";

export type ChangeField = "current" | "next" | "confirm" | "form";
export interface ChangeState {
  errors?: Partial<Record<ChangeField, MessageKey>>;
}

export async function changePassword(_prev: ChangeState, form: FormData): Promise<ChangeState> {
  const a = await getAccountSession();
  if (!a) redirect("/masuk");
  const parsed = changePasswordInput.safeParse({
    current: String(form.get("current") ?? ""),
    next: String(form.get("next") ?? ""),
    confirm: String(form.get("confirm") ?? ""),
  });
  if (!parsed.success) {
    const errors: ChangeState["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as ChangeField;
      errors[field] ??= issue.message as MessageKey;
    }
    return { errors };
  }
  const e = env();
  let user;
  try {
    user = await changeOwnPassword(
      await getDb(),
      { userId: a.session.user.id, clientKey: clientKeyFrom(await headers()) },
      { current: parsed.data.current, next: parsed.data.next },
      { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    );
  } catch (err) {
    if (err instanceof PasswordChangeError)
      return {
        errors:
          err.failure === "CURRENT"
            ? { current: "accounts.change.error.CURRENT" }
            : { form: `accounts.change.error.${err.failure}` },
      };
    console.error("[password change]", err);
    return { errors: { form: "error.body" } };
  }
  // every other session ended with the change; this browser carries on with a fresh one
  const cookie = await sessionCookie(user);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  redirect(sameOriginPath(String(form.get("callbackUrl") ?? "")) ?? homeFor(user.role));
}
