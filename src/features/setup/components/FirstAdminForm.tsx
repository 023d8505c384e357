"use client";
import { useI18n } from "@/i18n/client";
import { firstAdminForm } from "../server/actions";
import { Field, FormSummary, SubmitButton, useSetupForm } from "./form-kit";

export function FirstAdminForm({ token }: { token: string }) {
  const { t } = useI18n();
  const { form, formRef } = useSetupForm(firstAdminForm);
  return (
    <form key={form.key} ref={formRef} action={form.formAction} className="form setup-form" noValidate>
      <FormSummary form={form} />
      <input type="hidden" name="token" value={token} />
      <Field
        form={form}
        name="username"
        label={t("setup.admin.username")}
        hint={t("setup.admin.usernameHint")}
        autoComplete="username"
        required
      />
      <Field form={form} name="name" label={t("setup.admin.name")} autoComplete="name" required />
      <Field
        form={form}
        name="password"
        type="password"
        label={t("setup.admin.password")}
        hint={t("setup.admin.passwordHint")}
        autoComplete="new-password"
        required
      />
      <Field
        form={form}
        name="passwordAgain"
        type="password"
        label={t("setup.admin.passwordAgain")}
        autoComplete="new-password"
        required
      />
      <div>
        <SubmitButton form={form} label={t("setup.admin.submit")} busy={t("setup.form.saving")} />
      </div>
    </form>
  );
}
