"use client";
// A service of the catalog: names, SLA in working days, the documents an employee uploads, whether it
// goes through BKN. A changed SLA applies to requests submitted afterwards (each request keeps its own).
import { useI18n } from "@/i18n/client";
import type { DocumentInput } from "../schemas";
import { saveServiceTypeForm } from "../server/actions";
import { CheckField, Field, FormSummary, SubmitButton, useSetupForm } from "./form-kit";

const SPARE_ROWS = 2;

export interface ServiceTypeValues {
  id: string | null;
  code: string;
  nameId: string;
  nameEn: string;
  slaDays: number;
  viaBkn: boolean;
  active: boolean;
  documents: DocumentInput[];
}

export function ServiceTypeForm({ service }: { service: ServiceTypeValues }) {
  const { t } = useI18n();
  const initial: Record<string, string> = {
    code: service.code,
    nameId: service.nameId,
    nameEn: service.nameEn,
    slaDays: String(service.slaDays),
  };
  service.documents.forEach((d, i) =>
    Object.assign(initial, {
      [`documents.${i}.code`]: d.code,
      [`documents.${i}.nameId`]: d.nameId,
      [`documents.${i}.nameEn`]: d.nameEn,
    }),
  );
  const { form, formRef } = useSetupForm(saveServiceTypeForm, initial);
  const rows = service.documents.length + SPARE_ROWS;
  return (
    <form key={form.key} ref={formRef} action={form.formAction} className="form setup-form" noValidate>
      <FormSummary form={form} />
      {service.id && <input type="hidden" name="id" value={service.id} />}
      <fieldset className="setup-fieldset">
        <legend>{t("setup.service.legend")}</legend>
        <div className="setup-grid">
          <Field
            form={form}
            name="code"
            label={t("setup.service.code")}
            hint={service.id ? t("setup.service.codeFixed") : t("setup.service.codeHint")}
            readOnly={!!service.id}
            required
          />
          <Field form={form} name="nameId" label={t("setup.service.nameId")} required />
          <Field form={form} name="nameEn" label={t("setup.service.nameEn")} required />
          <Field
            form={form}
            name="slaDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            label={t("setup.service.sla")}
            hint={t("setup.service.slaNote")}
            required
          />
        </div>
        <CheckField
          form={form}
          name="viaBkn"
          label={t("setup.service.viaBkn")}
          hint={t("setup.service.viaBknHint")}
          defaultChecked={service.viaBkn}
        />
        <CheckField
          form={form}
          name="active"
          label={t("setup.service.active")}
          hint={t("setup.service.activeHint")}
          defaultChecked={service.active}
        />
      </fieldset>
      <fieldset className="setup-fieldset">
        <legend>{t("setup.service.documents")}</legend>
        <p className="muted small">{t("setup.service.documentsHint")}</p>
        <input type="hidden" name="documentRows" value={rows} />
        <ol className="setup-doc-rows">
          {Array.from({ length: rows }, (_, i) => (
            <li key={i}>
              <fieldset className="setup-fieldset inner">
                <legend>
                  {i < service.documents.length
                    ? t("setup.service.document", { n: i + 1 })
                    : t("setup.service.newDocument", { n: i + 1 })}
                </legend>
                <div className="setup-grid">
                  <Field form={form} name={`documents.${i}.code`} label={t("setup.service.docCode")} />
                  <Field form={form} name={`documents.${i}.nameId`} label={t("setup.service.docNameId")} />
                  <Field form={form} name={`documents.${i}.nameEn`} label={t("setup.service.docNameEn")} />
                </div>
                <CheckField
                  form={form}
                  name={`documents.${i}.required`}
                  label={t("setup.service.docRequired")}
                  defaultChecked={service.documents[i]?.required ?? true}
                />
              </fieldset>
            </li>
          ))}
        </ol>
      </fieldset>
      <div>
        <SubmitButton form={form} label={t("setup.form.save")} busy={t("setup.form.saving")} />
      </div>
    </form>
  );
}
