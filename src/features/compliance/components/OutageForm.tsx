"use client";
// Recording an outage: what went down, when, for whom, and what it does to the entries due in it.
import { useState } from "react";
import { useI18n } from "@/i18n/client";
import { Field, FormSummary, SelectField, SubmitButton, useSetupForm } from "@/features/setup/components/form-kit";
import { OUTAGE_EFFECTS, OUTAGE_KINDS } from "../schemas";
import { saveOutageForm } from "../server/outage-actions";

export function OutageForm({ units, today }: { units: { id: string; name: string }[]; today: string }) {
  const { t } = useI18n();
  const { form, formRef } = useSetupForm(saveOutageForm, {
    kind: "EKINERJA_DOWN",
    effect: "EXTEND",
    startsOn: today,
    endsOn: today,
    scope: "region",
    note: "",
  });
  const [scope, setScope] = useState(form.value("scope", "region"));
  const unitError = form.error("unitIds");
  const chosen = new Set(form.value("unitIds", "").split(",").filter(Boolean));
  return (
    <form key={form.key} ref={formRef} action={form.formAction} className="outage-form" noValidate>
      <FormSummary form={form} />
      <SelectField
        form={form}
        name="kind"
        label={t("compliance.outage.kind.label")}
        options={OUTAGE_KINDS.map((k) => ({ value: k, label: t(`compliance.outage.kind.${k}`) }))}
        defaultValue="EKINERJA_DOWN"
      />
      <Field
        form={form}
        name="startsOn"
        type="date"
        label={t("compliance.outage.startsOn")}
        defaultValue={today}
        required
      />
      <Field
        form={form}
        name="endsOn"
        type="date"
        label={t("compliance.outage.endsOn")}
        defaultValue={today}
        required
      />
      <SelectField
        form={form}
        name="effect"
        label={t("compliance.outage.effect.label")}
        options={OUTAGE_EFFECTS.map((e) => ({ value: e, label: t(`compliance.outage.effect.${e}`) }))}
        defaultValue="EXTEND"
        hint={t("compliance.outage.effectHint")}
      />
      <fieldset className="outage-scope">
        <legend>{t("compliance.outage.scope.label")}</legend>
        <label>
          <input
            type="radio"
            name="scope"
            value="region"
            checked={scope === "region"}
            onChange={() => setScope("region")}
          />{" "}
          {t("compliance.outage.scope.region")}
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            value="units"
            checked={scope === "units"}
            onChange={() => setScope("units")}
          />{" "}
          {t("compliance.outage.scope.units")}
        </label>
        {scope === "units" && (
          <fieldset className="outage-units" aria-describedby={unitError ? `${form.idBase}-units-error` : undefined}>
            <legend className="sr-only">{t("compliance.outage.scope.units")}</legend>
            {units.map((u) => (
              <label key={u.id}>
                <input
                  type="checkbox"
                  name="unitIds"
                  value={u.id}
                  defaultChecked={chosen.has(u.id)}
                  aria-invalid={unitError ? true : undefined}
                />{" "}
                {u.name}
              </label>
            ))}
          </fieldset>
        )}
        {unitError && (
          <span className="field-error" id={`${form.idBase}-units-error`}>
            {unitError}
          </span>
        )}
      </fieldset>
      <Field
        form={form}
        name="note"
        label={t("compliance.outage.note")}
        hint={t("compliance.outage.noteHint")}
        className="setup-wide"
        required
      />
      <SubmitButton form={form} label={t("compliance.outage.submit")} busy={t("setup.form.saving")} />
    </form>
  );
}
