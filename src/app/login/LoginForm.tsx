"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/i18n/client";

function errorText(code: string, t: ReturnType<typeof useI18n>["t"]) {
  if (code === "INVALID" || code === "CredentialsSignin") return t("login.error.INVALID");
  const throttled = /^THROTTLED:(\d+)$/.exec(code);
  if (throttled) return t("login.error.THROTTLED", { minutes: throttled[1]! });
  return t("login.error.unknown");
}

export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", {
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!res || res.error) {
        setError(errorText(res?.error ?? "", t));
        return;
      }
      // The server picks the landing page by role when no callback was asked for.
      router.replace(callbackUrl ?? "/login");
      router.refresh();
    } catch {
      setError(t("login.error.unknown"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate aria-describedby={error ? "login-error" : undefined}>
      {error && (
        <p id="login-error" role="alert" className="alert error">
          {error}
        </p>
      )}
      <label>
        {t("login.username")}
        <input name="username" autoComplete="username" required autoCapitalize="none" spellCheck={false} />
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
