"use client";
// The request form: the service's own fields and its documents. Checked in the browser with the same
// field rules as the server (errors next to the field, focus on the first); leave shows its length in
// working days as the dates change. Without JavaScript the server's answer shows the same errors.
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { isMessageKey, type MessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/client";
import { dayNumber, WorkCalendar } from "@/lib/domain/working-days";
import { documentField, parseFields, type FieldErrors, type FieldSpec } from "../forms";
import type { RequestFormState } from "../server/actions";

export interface FormDocument {
  code: string;
  name: string;
  required: boolean;
}

export function useFieldError(errors: FieldErrors) {
  const { t } = useI18n();
  return (name: string) => {
    const e = errors[name];
    if (!e) return undefined;
    // a value that is itself a message key (a status name) is shown in the reader's language
    const vars =
      e.vars &&
      Object.fromEntries(
        Object.entries(e.vars).map(([k, v]) => [k, typeof v === "string" && isMessageKey(v) ? t(v) : v]),
      );
    return isMessageKey(e.key) ? t(e.key, vars) : e.key;
  };
}

export function ErrorText({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <span className="field-error" id={id}>
      {text}
    </span>
  ) : null;
}

export function FileInput({
  name,
  label,
  required,
  error,
  optionalText,
}: {
  name: string;
  label: string;
  required: boolean;
  error?: string;
  optionalText: string;
}) {
  return (
    <label className="field">
      <span>
        {label} {!required && <span className="muted">{optionalText}</span>}
      </span>
      <input
        type="file"
        name={name}
        accept="application/pdf,image/jpeg,.pdf,.jpg,.jpeg"
        aria-required={required}
        aria-invalid={!!error}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      <ErrorText id={`${name}-error`} text={error} />
    </label>
  );
}

/** The size error the server gives (documents.ts), for a file over the upload limit; null otherwise. */
export function fileTooLarge(file: FormDataEntryValue | null, maxMb: number): FieldErrors[string] | null {
  return file instanceof File && file.size > maxMb * 1024 * 1024
    ? { key: "requests.error.document.size", vars: { name: file.name, max: maxMb } }
    : null;
}

export function RequestForm(props: {
  action: (prev: RequestFormState, formData: FormData) => Promise<RequestFormState>;
  serviceTypeId: string;
  serviceCode: string;
  fields: readonly FieldSpec[];
  documents: FormDocument[];
  actionKey: string;
  /** The region's holidays (yyyy-mm-dd) around today, for the leave length preview. */
  holidays: string[];
  /** UPLOAD_MAX_MB: a larger file is refused here before it is sent, with the server's own words. */
  maxUploadMb: number;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(props.action, { errors: {} });
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [dates, setDates] = useState({ startsOn: state.values?.startsOn ?? "", endsOn: state.values?.endsOn ?? "" });
  const calendar = useMemo(() => new WorkCalendar(props.holidays), [props.holidays]);
  const errors = clientErrors ?? state.errors;
  const err = useFieldError(errors);
  const formRef = useRef<HTMLFormElement>(null);
  // after the server refused the form (it is drawn afresh), focus goes to the first field in error
  useEffect(() => {
    if (state.attempt) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
  }, [state.attempt]);
  const v = state.values ?? {};
  const leaveDays = useMemo(() => {
    // only whole, plausible dates (a browser reports the year digit by digit while it is typed)
    const ok = (v: string) => /^(19|20)\d{2}-\d{2}-\d{2}$/.test(v);
    if (!ok(dates.startsOn) || !ok(dates.endsOn) || dates.endsOn < dates.startsOn) return null;
    const start = dayNumber(dates.startsOn);
    const end = dayNumber(dates.endsOn);
    return Number.isFinite(start) && Number.isFinite(end) && end - start <= 400
      ? calendar.workingDays(start, end).length
      : null;
  }, [dates, calendar]);

  function check(e: React.FormEvent<HTMLFormElement>) {
    const data = new FormData(e.currentTarget);
    const values = Object.fromEntries([...data.entries()].filter(([, x]) => typeof x === "string")) as Record<
      string,
      string
    >;
    const parsed = parseFields(props.serviceCode, values);
    const found: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    for (const d of props.documents) {
      const file = data.get(documentField(d.code));
      if (d.required && (!(file instanceof File) || (file.size === 0 && file.name === "")))
        found[documentField(d.code)] = { key: "requests.error.document.required" };
      const tooLarge = fileTooLarge(file, props.maxUploadMb);
      if (tooLarge) found[documentField(d.code)] = tooLarge;
    }
    if (Object.keys(found).length === 0) return setClientErrors(null);
    e.preventDefault();
    setClientErrors(found);
    e.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`)?.focus();
  }

  const label = (name: string) => t(`requests.field.${name}` as MessageKey);
  const describedBy = (name: string) => (err(name) ? `${name}-error` : undefined);

  return (
    <form
      key={state.attempt ?? 0}
      ref={formRef}
      action={formAction}
      onSubmit={check}
      onChange={(e) => {
        const target = e.target as unknown as HTMLInputElement;
        if (target.name === "startsOn" || target.name === "endsOn")
          setDates((d) => ({ ...d, [target.name]: target.value }));
        if (clientErrors?.[target.name])
          setClientErrors(Object.fromEntries(Object.entries(clientErrors).filter(([k]) => k !== target.name)));
      }}
      className="form request-form"
      encType="multipart/form-data"
      noValidate
    >
      <input type="hidden" name="serviceTypeId" value={props.serviceTypeId} />
      <input type="hidden" name="actionKey" value={props.actionKey} />
      {err("form") && (
        <p className="alert error" role="alert">
          {err("form")}
        </p>
      )}
      {Object.keys(errors).length > 0 && !err("form") && (
        <p className="alert error" role="alert" tabIndex={-1}>
          {t("requests.form.errors")}
        </p>
      )}
      <fieldset>
        <legend>{t("requests.detail.details")}</legend>
        {props.fields.map((f) => (
          <label key={f.name} className="field">
            <span>
              {label(f.name)} {!f.required && <span className="muted">{t("requests.form.optional")}</span>}
            </span>
            {f.kind === "select" ? (
              <select
                name={f.name}
                defaultValue={v[f.name] ?? ""}
                aria-required={f.required}
                aria-invalid={!!err(f.name)}
                aria-describedby={describedBy(f.name)}
              >
                <option value="">{t("requests.option.choose")}</option>
                {f.options!.map((o) => (
                  <option key={o} value={o}>
                    {t(`requests.option.${f.name}.${o}` as MessageKey)}
                  </option>
                ))}
              </select>
            ) : f.kind === "textarea" ? (
              <textarea
                name={f.name}
                rows={3}
                maxLength={f.max}
                defaultValue={v[f.name]}
                aria-required={f.required}
                aria-invalid={!!err(f.name)}
                aria-describedby={describedBy(f.name)}
              />
            ) : (
              <input
                type={f.kind === "date" ? "date" : "text"}
                name={f.name}
                maxLength={f.max}
                defaultValue={v[f.name]}
                aria-required={f.required}
                aria-invalid={!!err(f.name)}
                aria-describedby={describedBy(f.name)}
              />
            )}
            <ErrorText id={`${f.name}-error`} text={err(f.name)} />
          </label>
        ))}
        {leaveDays !== null && (
          <p className="muted" role="status">
            {t("requests.form.workingDays", { n: leaveDays })}
          </p>
        )}
      </fieldset>
      {props.documents.length > 0 && (
        <fieldset>
          <legend>{t("requests.form.documents")}</legend>
          {props.documents.map((d) => (
            <FileInput
              key={d.code}
              name={documentField(d.code)}
              label={d.name}
              required={d.required}
              error={err(documentField(d.code))}
              optionalText={t("requests.form.optional")}
            />
          ))}
        </fieldset>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("requests.form.sending") : t("requests.form.submit")}
      </button>
    </form>
  );
}
