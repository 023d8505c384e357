import Link from "next/link";
import type { Session } from "next-auth";
import type { Locale, Translate } from "@/i18n/catalog";
import { navFor } from "@/lib/navigation";
import { LanguageSwitch } from "./LanguageSwitch";
import { NavLinks } from "./NavLinks";
import { SignOutButton } from "./SignOutButton";

export function AppHeader({
  session,
  locale,
  t,
  unread = 0,
}: {
  session: Session | null;
  locale: Locale;
  t: Translate;
  unread?: number;
}) {
  const user = session?.user;
  const items = user ? navFor(user.role).map((i) => ({ href: i.href, label: t(i.label) })) : [];
  return (
    <header className="app-header">
      <div className="bar">
        <Link href="/" className="brand" aria-label={`${t("app.name")} — ${t("nav.home")}`}>
          <span aria-hidden="true" className="brand-mark">
            ◉
          </span>{" "}
          {t("app.name")}
        </Link>
        <div className="bar-end">
          <LanguageSwitch locale={locale} t={t} />
          {user ? (
            <div className="user-box">
              {unread > 0 && (
                <Link href="/notifikasi" className="unread-badge" aria-label={t("notify.unread", { n: unread })}>
                  <span aria-hidden="true">🔔 {unread}</span>
                </Link>
              )}
              <span className="user-name">
                <span className="user-full-name">{user.name}</span>{" "}
                <span className="role-badge">{t(`role.${user.role}`)}</span>
              </span>
              <SignOutButton label={t("nav.logout")} />
            </div>
          ) : (
            <Link href="/masuk" className="button small">
              {t("nav.login")}
            </Link>
          )}
        </div>
      </div>
      {items.length > 0 && <NavLinks items={items} label={t("nav.main")} />}
    </header>
  );
}
