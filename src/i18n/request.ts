// next-intl's request configuration (wired by its plugin in next.config.mjs): the reader's language comes
// from the language switch's cookie, there is no locale in the URL.
import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, intlConfig, isLocale, LOCALE_COOKIE } from "./catalog";

export default getRequestConfig(async () => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return intlConfig(isLocale(value) ? value : DEFAULT_LOCALE);
});
