// On the dashboard, for an administrator while getting-started steps are open: how far, and the link.
import Link from "next/link";
import type { Session } from "next-auth";
import { getTranslator } from "@/i18n/server";
import { checklistData } from "../server/page-data";
import "../setup.css";

export async function SetupBanner({ session }: { session: Session }) {
  if (session.user.role !== "ADMIN") return null;
  const [{ t }, list] = await Promise.all([getTranslator(), checklistData()]);
  if (list.open === 0) return null;
  return (
    <aside className="setup-banner" aria-labelledby="setup-banner-title">
      <p id="setup-banner-title">
        <strong>{t("setup.banner.title")}</strong>{" "}
        {t("setup.banner.progress", { done: list.items.length - list.open, total: list.items.length })}
      </p>
      <Link className="button" href="/admin/mulai">
        {t("setup.banner.link")}
      </Link>
    </aside>
  );
}
