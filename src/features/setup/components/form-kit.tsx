"use client";
// Small pieces every setup form uses: the server's answer (errors by field, values as sent), a labelled
// field with its error tied to it (aria-describedby), and a summary announced to screen readers.
import { useActionState, useEffect, useId, useRef } from "react";
import { isMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/client";
import type { FormState } from "../server/actions";

export type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function useSetupForm(action: Action, initial: Record<string, string> = {}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, { errors: {} });
  const formRef = useRef<HTMLFormElement>(null);
  // several forms on one page (the calendar's days) have the same field names: ids get the form's own prefix
  const idBase = useId().replace(/[^A-Za-z0-9_-]/g, "");
  // after a refused post, focus goes to the first field in error (or the summary)
  useEffect(() => {
    const f = formRef.current;
    if (state.attempt && f)
      (
        f.querySelector<HTMLElement>('[aria-invalid="true"]') ?? f.querySelector<HTMLElement>("[data-summary]")
      )?.focus();
  }, [state.attempt]);
  const values = state.values ?? initial;
  const form = {
    idBase,
    formAction,
    pending,
    key: state.attempt ?? 0,
    errors: state.errors,
    value: (name: string, fallback = "") => values[name] ?? (state.values ? "" : fallback),
    checked: (name: string, fallback: boolean) => (state.values ? state.values[name] === "on" : fallback),
    error: (name: string) => {
      const k = state.errors[name];
      return k ? (isMessageKey(k) ? t(k) : k) : undefined;
    },
  };
  // the ref apart: the form object is handed to the fields during render, a ref must not be
  return { form, formRef };
}

export type SetupForm = ReturnType<typeof useSetupForm>["form"];

/** The form's own error (not a field's) and how many fields need attention, announced when it appears. */
export function FormSummary({ form }: { form: SetupForm }) {
  const { t } = useI18n();
  const own = form.error("_form");
  const n = Object.keys(form.errors).filter((k) => k !== "_form").length;
  return (
    <div aria-live="assertive" className="setup-summary">
      {(own || n > 0) && (
        <p className="alert error" role="alert" tabIndex={-1} data-summary>
          {own ?? t("setup.form.fix", { n })}
        </p>
      )}
    </div>
  );
}

const inputId = (form: SetupForm, name: string) => `${form.idBase}-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
const errorId = (form: SetupForm, name: string) => `${form.idBase}-${name.replace(/[^A-Za-z0-9_-]/g, "-")}-error`;

export function Field(props: {
  form: SetupForm;
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  type?: string;
  required?: boolean;
  inputMode?: "numeric" | "text";
  min?: number;
  max?: number;
  autoComplete?: string;
  readOnly?: boolean;
  className?: string;
}) {
  const { form, name } = props;
  const err = form.error(name);
  const hintId = props.hint ? `${errorId(form, name)}-hint` : undefined;
  const described = [hintId, err ? errorId(form, name) : undefined].filter(Boolean).join(" ") || undefined;
  // hint and error sit beside the label, not in it: the field's name stays its label, they are its description
  return (
    <div className={`field ${props.className ?? ""}`}>
      <label htmlFor={inputId(form, name)}>{props.label}</label>
      <input
        id={inputId(form, name)}
        name={name}
        type={props.type ?? "text"}
        defaultValue={form.value(name, props.defaultValue ?? "")}
        required={props.required}
        inputMode={props.inputMode}
        min={props.min}
        max={props.max}
        autoComplete={props.autoComplete}
        readOnly={props.readOnly}
        aria-invalid={err ? true : undefined}
        aria-describedby={described}
      />
      {props.hint && (
        <span className="muted small setup-hint" id={hintId}>
          {props.hint}
        </span>
      )}
      {err && (
        <span className="field-error" id={errorId(form, name)}>
          {err}
        </span>
      )}
    </div>
  );
}

export function SelectField(props: {
  form: SetupForm;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
}) {
  const { form, name } = props;
  const err = form.error(name);
  const hintId = props.hint ? `${errorId(form, name)}-hint` : undefined;
  const described = [hintId, err ? errorId(form, name) : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId(form, name)}>{props.label}</label>
      <select
        id={inputId(form, name)}
        name={name}
        defaultValue={form.value(name, props.defaultValue ?? "")}
        aria-invalid={err ? true : undefined}
        aria-describedby={described}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.hint && (
        <span className="muted small setup-hint" id={hintId}>
          {props.hint}
        </span>
      )}
      {err && (
        <span className="field-error" id={errorId(form, name)}>
          {err}
        </span>
      )}
    </div>
  );
}

export function CheckField({
  form,
  name,
  label,
  defaultChecked,
  hint,
}: {
  form: SetupForm;
  name: string;
  label: string;
  defaultChecked: boolean;
  hint?: string;
}) {
  const hintId = hint ? `${errorId(form, name)}-hint` : undefined;
  return (
    <div className="setup-check">
      <input
        type="checkbox"
        id={inputId(form, name)}
        name={name}
        defaultChecked={form.checked(name, defaultChecked)}
        aria-describedby={hintId}
      />
      <label htmlFor={inputId(form, name)}>{label}</label>
      {hint && (
        <span className="muted small setup-hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}

export function SubmitButton({ form, label, busy }: { form: SetupForm; label: string; busy: string }) {
  return (
    <button type="submit" className="button" disabled={form.pending} aria-disabled={form.pending}>
      {form.pending ? busy : label}
    </button>
  );
}
