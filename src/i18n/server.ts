import "server-only";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, translator, type Locale, type MessageKey } from "./catalog";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getTranslator() {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}

/** A page's title in the reader's language: `export const generateMetadata = pageTitle("title.users")`. */
export function pageTitle(key: MessageKey, extra: Metadata = {}) {
  return async (): Promise<Metadata> => ({ ...extra, title: (await getTranslator()).t(key) });
}
