// Numbers and dates in the reader's locale: 1.234,5 and 22 Nov 2026 in Indonesian, 1,234.5 and 22 Nov 2026 in English.
import { DEFAULT_TIMEZONE } from "@/lib/domain/working-days";
import type { Locale } from "./catalog";

const numberFormats = new Map<string, Intl.NumberFormat>();

/** The Intl locale for a reader's language (British English: 22 Nov 2026, as in Indonesian). */
const intlLocale = (locale: Locale) => (locale === "id" ? "id-ID" : "en-GB");

export function formatNumber(
  value: number,
  locale: Locale,
  opts: Intl.NumberFormatOptions = { maximumFractionDigits: 1 },
): string {
  const key = `${locale}:${JSON.stringify(opts)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(intlLocale(locale), opts)));
  return f.format(value);
}

export function formatPercent(ratio: number, locale: Locale, digits = 1): string {
  return `${formatNumber(ratio * 100, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

export function formatDate(value: Date | string, locale: Locale, timeZone = DEFAULT_TIMEZONE): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone,
  }).format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale, timeZone = DEFAULT_TIMEZONE): string {
  const d = new Date(value);
  const time = new Intl.DateTimeFormat(intlLocale(locale), {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone,
  }).format(d);
  return `${formatDate(d, locale, timeZone)} ${time.replace(".", ":")}`;
}
