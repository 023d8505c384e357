"use client";
// The survey form, phone first: profile, the nine elements each with its own four answers, an optional
// suggestion or complaint and a private contact. Checked in the browser with the server's schema (errors
// next to the field, focus on the first one); without JavaScript the server's answer shows the same
// errors. A hidden field catches bots.
import { useActionState, useRef, useState } from "react";
import { isMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/client";
import type { ElementWording } from "../elements";
import { AGE_GROUPS, EDUCATIONS, fieldErrors, GENDERS, OCCUPATIONS, surveyForm } from "../schemas";
import type { SurveyFormState } from "../server/actions";

export function SurveyForm(props: {
  action: (prev: SurveyFormState, formData: FormData) => Promise<SurveyFormState>;
  submissionKey: string;
  /** The page's own fields: a service point's code and channel, or a one-time link's token. */
  hidden: Record<string, string>;
  elements: ElementWording[];
  /** Offered when the link does not fix the service. */
  services: { id: string; name: string }[] | null;
}) {
  const { t, locale } = useI18n();
  const [state, formAction, pending] = useActionState(props.action, { errors: {} });
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = clientErrors ?? state.errors;
  const v = state.values ?? {};
  const message = (key: string | undefined) => {
    if (!key) return undefined;
    if (!isMessageKey(key)) return key;
    return t(key, { minutes: state.retryMinutes ?? 10 });
  };
  const err = (name: string) => message(errors[name]);

  function check(e: React.FormEvent<HTMLFormElement>) {
    const data = Object.fromEntries(new FormData(e.currentTarget).entries());
    const parsed = surveyForm.safeParse(data);
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    const found = fieldErrors(parsed.error);
    if (props.services === null) delete found.serviceTypeId;
    if (Object.keys(found).length === 0) return setClientErrors(null);
    e.preventDefault();
    setClientErrors(found);
    const first = e.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`);
    first?.focus();
  }

  const select = (name: string, label: string, options: readonly string[], optionLabel: (o: string) => string) => (
    <label className="field">
      {label}
      <select
        name={name}
        defaultValue={v[name] ?? ""}
        aria-invalid={!!err(name)}
        aria-describedby={err(name) ? `${name}-error` : undefined}
      >
        <option value="">{t("survey.choose")}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
      {err(name) && (
        <span className="field-error" id={`${name}-error`}>
          {err(name)}
        </span>
      )}
    </label>
  );

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={check}
      onChange={(e) => {
        // an answered field loses its error at once
        const name = (e.target as unknown as HTMLInputElement).name;
        if (clientErrors?.[name])
          setClientErrors(Object.fromEntries(Object.entries(clientErrors).filter(([k]) => k !== name)));
      }}
      className="form survey-form"
      noValidate
    >
      <input type="hidden" name="submissionKey" value={props.submissionKey} />
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {err("form") && (
        <p className="alert error" role="alert">
          {err("form")}
        </p>
      )}
      {clientErrors && Object.keys(clientErrors).length > 0 && (
        <p className="alert error" role="alert">
          {t("survey.fixErrors")}
        </p>
      )}

      <fieldset>
        <legend>{t("survey.profile")}</legend>
        {props.services &&
          select(
            "serviceTypeId",
            t("survey.service"),
            props.services.map((s) => s.id),
            (id) => props.services!.find((s) => s.id === id)!.name,
          )}
        {select("ageGroup", t("survey.ageGroup"), AGE_GROUPS, (o) => t(`survey.age.${o}` as Parameters<typeof t>[0]))}
        {select("gender", t("survey.gender.label"), GENDERS, (o) => t(`survey.gender.${o}` as Parameters<typeof t>[0]))}
        {select("education", t("survey.education.label"), EDUCATIONS, (o) =>
          t(`survey.education.${o}` as Parameters<typeof t>[0]),
        )}
        {select("occupation", t("survey.occupation.label"), OCCUPATIONS, (o) =>
          t(`survey.occupation.${o}` as Parameters<typeof t>[0]),
        )}
      </fieldset>

      {props.elements.map((el, i) => {
        const name = el.code.toLowerCase();
        const options = locale === "en" ? el.optionsEn : el.optionsId;
        return (
          <fieldset
            key={el.code}
            className="element"
            aria-invalid={!!err(name)}
            aria-describedby={err(name) ? `${name}-error` : undefined}
          >
            <legend>
              <span className="element-no">{i + 1}.</span> {locale === "en" ? el.questionEn : el.questionId}
            </legend>
            <div className="scale">
              {options.map((label, k) => (
                <label key={k} className="scale-option">
                  <input type="radio" name={name} value={k + 1} defaultChecked={v[name] === String(k + 1)} />
                  <span>
                    <b>{k + 1}</b> {label}
                  </span>
                </label>
              ))}
            </div>
            {err(name) && (
              <span className="field-error" id={`${name}-error`}>
                {err(name)}
              </span>
            )}
          </fieldset>
        );
      })}

      <fieldset>
        <legend>{t("survey.more")}</legend>
        <label className="field">
          {t("survey.suggestion")}
          <textarea
            name="suggestion"
            rows={4}
            maxLength={2000}
            defaultValue={v.suggestion}
            aria-invalid={!!err("suggestion")}
            aria-describedby={err("suggestion") ? "suggestion-error" : undefined}
          />
          {err("suggestion") && (
            <span className="field-error" id="suggestion-error">
              {err("suggestion")}
            </span>
          )}
        </label>
        <label className="check">
          <input type="checkbox" name="isComplaint" defaultChecked={v.isComplaint === "on"} /> {t("survey.isComplaint")}
        </label>
        <label className="field">
          {t("survey.contact.label")}
          <input name="contact" maxLength={200} autoComplete="tel" defaultValue={v.contact} />
          <span className="muted small">{t("survey.contact.note")}</span>
        </label>
        <label className="hp" aria-hidden="true">
          Website
          <input name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </fieldset>

      <button className="button" type="submit" disabled={pending}>
        {pending ? t("survey.sending") : t("survey.submit")}
      </button>
    </form>
  );
}
