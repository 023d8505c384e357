"use client";
// One day of the region's calendar: changed or removed in place; without an id, a new day.
import { formatDate } from "@/i18n/format";
import { useI18n } from "@/i18n/client";
import { HOLIDAY_KINDS } from "../schemas";
import { removeHolidayForm, saveHolidayForm } from "../server/actions";
import { Field, FormSummary, SelectField, SubmitButton, useSetupForm } from "./form-kit";

export interface CalendarDay {
  id: string;
  date: string;
  kind: string;
  name: string;
}

export function HolidayForm({ day, year }: { day?: CalendarDay; year: number }) {
  const { t, locale } = useI18n();
  const { form, formRef } = useSetupForm(
    saveHolidayForm,
    day ? { date: day.date, kind: day.kind, name: day.name, id: day.id } : { date: "", kind: "NATIONAL", name: "" },
  );
  const label = day ? t("setup.calendar.dayLabel", { date: day.date, name: day.name }) : t("setup.calendar.add");
  const body = (
    <div className="setup-day" role="group" aria-label={label}>
      <form key={form.key} ref={formRef} action={form.formAction} className="setup-day-form" noValidate>
        <FormSummary form={form} />
        {day && <input type="hidden" name="id" value={day.id} />}
        <Field
          form={form}
          name="date"
          type="date"
          label={t("setup.holiday.date")}
          defaultValue={day?.date ?? `${year}-01-01`}
          required
        />
        <SelectField
          form={form}
          name="kind"
          label={t("setup.holiday.kind")}
          options={HOLIDAY_KINDS.map((k) => ({ value: k, label: t(`setup.holidayKind.${k}`) }))}
          defaultValue={day?.kind ?? "NATIONAL"}
        />
        <Field
          form={form}
          name="name"
          label={t("setup.holiday.name")}
          defaultValue={day?.name}
          className="setup-wide"
          required
        />
        <div className="setup-day-actions">
          <SubmitButton
            form={form}
            label={day ? t("setup.form.save") : t("setup.calendar.addSubmit")}
            busy={t("setup.form.saving")}
          />
        </div>
      </form>
      {day && (
        <form action={removeHolidayForm} className="setup-day-remove">
          <input type="hidden" name="id" value={day.id} />
          <input type="hidden" name="year" value={year} />
          <button
            type="submit"
            className="button secondary"
            aria-label={t("setup.calendar.removeLabel", { date: day.date, name: day.name })}
          >
            {t("setup.calendar.remove")}
          </button>
        </form>
      )}
    </div>
  );
  if (!day) return body;
  // a day of the list reads as one line; its forms open under it (and stay open when refused)
  return (
    <details className="setup-day-item" open={Object.keys(form.errors).length > 0}>
      <summary>
        <span className="setup-day-date">{formatDate(day.date, locale, "UTC")}</span> <span>{day.name}</span>{" "}
        <span className="muted small">{t(`setup.holidayKind.${day.kind as "NATIONAL" | "CUTI_BERSAMA"}`)}</span>
      </summary>
      {body}
    </details>
  );
}
