"use client";
import { useActionState } from "react";
import { useI18n } from "@/i18n/client";
import { changePassword, type ChangeField, type ChangeState } from "./actions";

export function ChangePasswordForm({ forced, callbackUrl }: { forced: boolean; callbackUrl: string | null }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<ChangeState, FormData>(changePassword, {});
  const errors = state.errors ?? {};
  const field = (name: Exclude<ChangeField, "form">, describedBy?: string) => ({
    id: `pw-${name}`,
    name,
    type: "password" as const,
    required: true,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby":
      [describedBy, errors[name] ? `pw-${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: ChangeField) =>
    errors[name] ? (
      <span id={`pw-${name}-error`} className="field-error">
        {t(errors[name])}
      </span>
    ) : null;
  const anyError = Object.keys(errors).length > 0;
  return (
    <form action={action} className="form" noValidate>
      {anyError && (
        <p role="alert" className="alert error">
          {errors.form ? t(errors.form) : t("accounts.change.error.form")}
        </p>
      )}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <div className="field">
        <label htmlFor="pw-current">{forced ? t("accounts.change.currentForced") : t("accounts.change.current")}</label>
        <input {...field("current")} autoComplete="current-password" />
        {error("current")}
      </div>
      <div className="field">
        <label htmlFor="pw-next">{t("accounts.change.next")}</label>
        <input {...field("next", "pw-next-help")} autoComplete="new-password" minLength={8} />
        <span id="pw-next-help" className="muted small">
          {t("accounts.change.nextHelp")}
        </span>
        {error("next")}
      </div>
      <div className="field">
        <label htmlFor="pw-confirm">{t("accounts.change.confirm")}</label>
        <input {...field("confirm")} autoComplete="new-password" />
        {error("confirm")}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("accounts.change.submitting") : t("accounts.change.submit")}
      </button>
    </form>
  );
}
