"use client";
import { NextIntlClientProvider, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { asTranslate, intlConfig, type Locale, type Translate } from "./catalog";

/** next-intl in the browser. The messages come from this module's bundle (cached with the rest of the
 * scripts), not from each page's payload; onError and the fallback are functions, so they are set here. */
export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <NextIntlClientProvider {...intlConfig(locale)}>{children}</NextIntlClientProvider>;
}

export function useI18n(): { locale: Locale; t: Translate } {
  const base = useTranslations();
  const locale = useLocale() as Locale;
  return useMemo(() => ({ locale, t: asTranslate(base) }), [base, locale]);
}
