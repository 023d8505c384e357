"use client";
import { useActionState } from "react";
import { useI18n } from "@/i18n/client";
import { login, type LoginState } from "./actions";

function errorText(code: string, t: ReturnType<typeof useI18n>["t"]) {
  if (code === "INVALID") return t("login.error.INVALID");
  const throttled = /^THROTTLED:(\d+)$/.exec(code);
  if (throttled) return t("login.error.THROTTLED", { minutes: Number(throttled[1]) });
  return t("login.error.unknown");
}

// A form bound to a server action, which React renders as method="POST": it signs in before its
// JavaScript has loaded, or without it, and the password never lands in the address bar.
export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  const error = state.error ? errorText(state.error, t) : null;
  return (
    <form action={action} className="form" noValidate aria-describedby={error ? "login-error" : undefined}>
      {error && (
        <p id="login-error" role="alert" className="alert error">
          {error}
        </p>
      )}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <label>
        {t("login.username")}
        <input
          name="username"
          autoComplete="username"
          required
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={state.username}
          key={state.username}
        />
      </label>
      <label>
        {t("login.password")}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("login.submitting") : t("login.submit")}
      </button>
    </form>
  );
}
