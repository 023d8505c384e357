"use client";
import { createContext, useContext, useMemo } from "react";
import { translator, type Locale, type Translate } from "./catalog";

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: "id", t: translator("id") });

export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  return useContext(I18nContext);
}
