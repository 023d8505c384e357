import "server-only";
import type { Metadata } from "next";
import { getLocale as intlLocale, getTranslations } from "next-intl/server";
import { asTranslate, type Locale, type MessageKey, type Translate } from "./catalog";

export async function getLocale(): Promise<Locale> {
  return (await intlLocale()) as Locale;
}

/** next-intl's translator for this request, with the reader's locale. */
export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const [locale, base] = await Promise.all([getLocale(), getTranslations()]);
  return { locale, t: asTranslate(base) };
}

/** A page's title in the reader's language: `export const generateMetadata = pageTitle("title.users")`. */
export function pageTitle(key: MessageKey, extra: Metadata = {}) {
  return async (): Promise<Metadata> => ({ ...extra, title: (await getTranslator()).t(key) });
}
