import { setLocale } from "@/app/actions";
import { LOCALES, type Locale, type Translate } from "@/i18n/catalog";

export function LanguageSwitch({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <form action={setLocale} className="lang-switch" aria-label={t("lang.switch")}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          title={t(`lang.${l}`)}
          className={l === locale ? "lang active" : "lang"}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </form>
  );
}
