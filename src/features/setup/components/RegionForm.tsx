"use client";
// The region's settings: made once by the administrator (with the starting working calendar, the
// shipped national holidays and cuti bersama pre-filled and editable), changed later in the settings.
import type { MessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/client";
import { HOLIDAY_KINDS, REGION_KINDS, TIMEZONES } from "../schemas";
import type { Action } from "./form-kit";
import { CheckField, Field, FormSummary, SelectField, SubmitButton, useSetupForm, type SetupForm } from "./form-kit";

export interface StartingHoliday {
  date: string;
  kind: string;
  name: string;
}

const BLANK_ROWS = 3;

export function RegionForm(props: {
  action: Action;
  initial: Record<string, string>;
  /** Only when the region is made: the starting calendar, by year. */
  calendar?: { year: number; holidays: StartingHoliday[] }[];
  openYear?: number;
  submitLabel: MessageKey;
}) {
  const { t } = useI18n();
  const { form, formRef } = useSetupForm(props.action, props.initial);
  const rows = props.calendar?.flatMap((y) => y.holidays) ?? [];
  // each day's row number in the form (h.<n>.date …): the years' days one after another, then the blank rows
  const starts = (props.calendar ?? []).map((_, yi, all) =>
    all.slice(0, yi).reduce((n, y) => n + y.holidays.length, 0),
  );
  return (
    <form key={form.key} ref={formRef} action={form.formAction} className="form setup-form" noValidate>
      <FormSummary form={form} />
      <fieldset className="setup-fieldset">
        <legend>{t("setup.region.legend")}</legend>
        <div className="setup-grid">
          <Field form={form} name="name" label={t("setup.region.name")} hint={t("setup.region.nameHint")} required />
          <Field form={form} name="code" label={t("setup.region.code")} hint={t("setup.region.codeHint")} required />
          <SelectField
            form={form}
            name="kind"
            label={t("setup.region.kind")}
            options={REGION_KINDS.map((k) => ({ value: k, label: t(`setup.kind.${k}`) }))}
            defaultValue="KABUPATEN"
          />
          <SelectField
            form={form}
            name="timezone"
            label={t("setup.region.timezone")}
            options={TIMEZONES.map((z) => ({ value: z, label: t(`setup.tz.${z}`) }))}
            defaultValue="Asia/Jakarta"
          />
        </div>
      </fieldset>
      <fieldset className="setup-fieldset">
        <legend>{t("setup.region.ekinerja")}</legend>
        <div className="setup-grid">
          <Field
            form={form}
            name="ekinerjaDeadlineDay"
            type="number"
            inputMode="numeric"
            min={1}
            max={28}
            label={t("setup.region.deadlineDay")}
            hint={t("setup.region.deadlineDayHint")}
            defaultValue="5"
            required
          />
          <Field
            form={form}
            name="dailyLogGraceDays"
            type="number"
            inputMode="numeric"
            min={0}
            max={10}
            label={t("setup.region.graceDays")}
            hint={t("setup.region.graceDaysHint")}
            defaultValue="1"
            required
          />
        </div>
      </fieldset>
      {props.calendar && (
        <fieldset className="setup-fieldset">
          <legend>{t("setup.region.calendar")}</legend>
          <p className="muted small">{t("setup.region.calendarHint")}</p>
          {props.calendar.map((y, yi) => (
            <details key={y.year} className="setup-year" open={y.year === props.openYear}>
              <summary>{t("setup.region.year", { year: String(y.year), n: y.holidays.length })}</summary>
              <ul className="setup-holiday-rows">
                {y.holidays.map((h, hi) => (
                  <HolidayRow key={h.date} form={form} index={starts[yi]! + hi} holiday={h} />
                ))}
              </ul>
            </details>
          ))}
          <fieldset className="setup-fieldset inner">
            <legend>{t("setup.region.moreDays")}</legend>
            <ul className="setup-holiday-rows">
              {Array.from({ length: BLANK_ROWS }, (_, bi) => (
                <HolidayRow key={bi} form={form} index={rows.length + bi} blankNo={bi + 1} />
              ))}
            </ul>
          </fieldset>
          <input type="hidden" name="holidayRows" value={rows.length + BLANK_ROWS} />
        </fieldset>
      )}
      <div>
        <SubmitButton form={form} label={t(props.submitLabel)} busy={t("setup.form.saving")} />
      </div>
    </form>
  );
}

/** One day of the starting calendar: ticked to keep (pre-filled) or filled in to add (blank). */
function HolidayRow({
  form,
  index,
  holiday,
  blankNo,
}: {
  form: SetupForm;
  index: number;
  holiday?: StartingHoliday;
  blankNo?: number;
}) {
  const { t } = useI18n();
  const p = `h.${index}.`;
  const blank = !holiday;
  const label = holiday ? `${holiday.date} ${holiday.name}` : t("setup.region.newDay", { n: blankNo ?? 1 });
  return (
    <li className="setup-holiday-row" role="group" aria-label={label}>
      {blank ? (
        <input type="hidden" name={`${p}blank`} value="1" />
      ) : (
        <CheckField form={form} name={`${p}on`} label={t("setup.holiday.keep")} defaultChecked />
      )}
      <Field form={form} name={`${p}date`} type="date" label={t("setup.holiday.date")} defaultValue={holiday?.date} />
      <SelectField
        form={form}
        name={`${p}kind`}
        label={t("setup.holiday.kind")}
        options={HOLIDAY_KINDS.map((k) => ({ value: k, label: t(`setup.holidayKind.${k}`) }))}
        defaultValue={holiday?.kind ?? "NATIONAL"}
      />
      <Field
        form={form}
        name={`${p}name`}
        label={t("setup.holiday.name")}
        defaultValue={holiday?.name}
        className="setup-wide"
      />
    </li>
  );
}
