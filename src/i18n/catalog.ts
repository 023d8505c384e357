// The message catalog: one file per language (messages/id.json first, the default; messages/en.json with the
// same keys), ICU messages formatted by next-intl's core (use-intl) — plurals, selects and `{n, number}` in
// the reader's locale. Code never holds UI text; it asks for a key, typed from the Indonesian file.
// Keys nest by their dots ("dashboard.period.label"), so a key is never also the prefix of another.
import { createTranslator, IntlErrorCode, type IntlError, type MessageKeys, type NestedKeyOf } from "use-intl/core";
import en from "./messages/en.json";
import id from "./messages/id.json";
import { DEFAULT_TIMEZONE } from "@/lib/domain/working-days";

export type Messages = typeof id;
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";
export const LOCALE_COOKIE = "pantau_locale";

/** Each language's messages as next-intl takes them (nested by the keys' dots). */
export const messages: Record<Locale, Messages> = { id, en };

function flatten(tree: object, prefix = "", into: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") into[prefix + k] = v;
    else flatten(v as object, `${prefix}${k}.`, into);
  }
  return into;
}

/** Each language's messages by full key, for lookups that are not a translation (tests, the ETL's bilingual errors). */
export const catalog: Record<Locale, Record<MessageKey, string>> = {
  id: flatten(id) as Record<MessageKey, string>,
  en: flatten(en) as Record<MessageKey, string>,
};

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

export function isMessageKey(v: unknown): v is MessageKey {
  return typeof v === "string" && Object.hasOwn(catalog.id, v);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * What a reader sees when a message cannot be formatted (a placeholder the caller did not give): the
 * message's own text, as the catalog writes it, rather than its key; an unknown key is shown as itself.
 */
export function messageFallback(locale: Locale) {
  return ({ namespace, key }: { namespace?: string; key: string }) => {
    const full = (namespace ? `${namespace}.${key}` : key) as MessageKey;
    return catalog[locale][full] ?? catalog.id[full] ?? full;
  };
}

/** Missing keys and formatting errors are a developer's mistake: said in development, silent for readers. */
export function onMessageError(error: IntlError) {
  if (process.env.NODE_ENV !== "production" && error.code !== IntlErrorCode.ENVIRONMENT_FALLBACK) console.error(error);
}

/** next-intl's configuration for a locale, the same on the server, in the browser and outside a request. */
export function intlConfig(locale: Locale) {
  return {
    locale,
    messages: messages[locale],
    timeZone: DEFAULT_TIMEZONE,
    onError: onMessageError,
    getMessageFallback: messageFallback(locale),
  };
}

/**
 * next-intl's translator (useTranslations, getTranslations, createTranslator) as Pantau's Translate: the key is
 * already typed as a MessageKey, and the placeholders are checked by catalog.test.ts rather than per call.
 */
export function asTranslate(base: unknown): Translate {
  const t = base as (key: string, vars?: object) => string;
  return (key, vars) => t(key, vars);
}

const translators = new Map<Locale, Translate>();

/** A translator outside React (exports, e-mails, the ETL): next-intl's createTranslator, one per locale, so
 * each message is parsed once per process. */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    translators.set(locale, (t = asTranslate(createTranslator<Messages>(intlConfig(locale)))));
  }
  return t;
}
