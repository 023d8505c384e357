// The settings' parts, as links (each is its own page); the survey's service points live elsewhere.
import Link from "next/link";
import { getTranslator } from "@/i18n/server";

const TABS = [
  { href: "/admin/pengaturan", label: "setup.tabs.region" },
  { href: "/admin/pengaturan/kalender", label: "setup.tabs.calendar" },
  { href: "/admin/pengaturan/layanan", label: "setup.tabs.services" },
  { href: "/admin/survei", label: "setup.tabs.points" },
] as const;

export async function SettingsTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  const { t } = await getTranslator();
  return (
    <nav aria-label={t("setup.tabs.label")} className="setup-tabs">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={tab.href === current ? "page" : undefined}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
