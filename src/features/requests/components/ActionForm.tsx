"use client";
// One workflow action on a request: a button, with a reason (return, reject) or a file (the decree;
// the missing documents on resubmit) when the action needs one. The action key makes a double click
// one action.
import { useActionState, useState } from "react";
import { useI18n } from "@/i18n/client";
import { documentField, type FieldErrors } from "../forms";
import type { RequestFormState } from "../server/actions";
import type { RequestAction } from "../workflow";
import { ErrorText, FileInput, fileTooLarge, useFieldError, type FormDocument } from "./RequestForm";

export function ActionForm(props: {
  action: (prev: RequestFormState, formData: FormData) => Promise<RequestFormState>;
  requestId: string;
  name: RequestAction;
  actionKey: string;
  reason?: boolean;
  decree?: boolean;
  documents?: FormDocument[];
  danger?: boolean;
  maxUploadMb: number;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(props.action, { errors: {} });
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const err = useFieldError(clientErrors ?? state.errors);
  // a file over the upload limit is refused here, before it is sent, with the server's words
  function check(e: React.FormEvent<HTMLFormElement>) {
    const found: FieldErrors = {};
    for (const [name, value] of new FormData(e.currentTarget).entries()) {
      const tooLarge = fileTooLarge(value, props.maxUploadMb);
      if (tooLarge) found[name] = tooLarge;
    }
    setClientErrors(Object.keys(found).length ? found : null);
    if (Object.keys(found).length) e.preventDefault();
  }
  const reasonLabel = props.name === "return" ? t("requests.action.reasonReturn") : t("requests.action.reasonReject");
  return (
    <form
      key={state.attempt ?? 0}
      action={formAction}
      onSubmit={check}
      className="form card action-form"
      encType="multipart/form-data"
      data-testid={`action-${props.name}`}
    >
      <input type="hidden" name="requestId" value={props.requestId} />
      <input type="hidden" name="action" value={props.name} />
      <input type="hidden" name="actionKey" value={props.actionKey} />
      {err("form") && (
        <p className="alert error" role="alert">
          {err("form")}
        </p>
      )}
      {props.reason && (
        <label className="field">
          {reasonLabel}
          <textarea
            name="reason"
            rows={2}
            maxLength={1000}
            required
            defaultValue={state.values?.reason}
            aria-invalid={!!err("reason")}
            aria-describedby={err("reason") ? `reason-${props.name}-error` : undefined}
          />
          <ErrorText id={`reason-${props.name}-error`} text={err("reason")} />
        </label>
      )}
      {props.decree && (
        <FileInput
          name={documentField("DECREE")}
          label={t("requests.action.decree")}
          required
          error={err(documentField("DECREE"))}
          optionalText=""
        />
      )}
      {props.documents?.map((d) => (
        <FileInput
          key={d.code}
          name={documentField(d.code)}
          label={d.name}
          required={false}
          error={err(documentField(d.code))}
          optionalText={t("requests.form.optional")}
        />
      ))}
      <button type="submit" className={props.danger ? "button danger" : "button"} disabled={pending}>
        {t(`requests.action.${props.name}`)}
      </button>
    </form>
  );
}
