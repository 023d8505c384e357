import Link from "next/link";
import { formatDateTime } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { signOutEverywhere } from "@/features/account/server/actions";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { serverCaller } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.me");

export default async function MePage() {
  await requireRole(rolesFor("/saya"), "/saya");
  const [{ t, locale }, api] = await Promise.all([getTranslator(), serverCaller()]);
  const me = await api.account.me();
  return (
    <div className="page narrow">
      <h1>{t("me.title")}</h1>
      <dl className="facts">
        <dt>{t("users.name")}</dt>
        <dd>{me.name}</dd>
        <dt>{t("me.username")}</dt>
        <dd>{me.username}</dd>
        <dt>{t("me.role")}</dt>
        <dd>{t(`role.${me.role}`)}</dd>
        <dt>{t("me.unit")}</dt>
        <dd>{me.unit?.name ?? t("me.none")}</dd>
        <dt>{t("me.lastLogin")}</dt>
        <dd>{me.lastLoginAt ? formatDateTime(me.lastLoginAt, locale) : t("me.none")}</dd>
      </dl>
      <p>
        <Link href="/saya/kata-sandi?callbackUrl=%2Fsaya">{t("accounts.change.link")}</Link>
      </p>
      <form action={signOutEverywhere} className="form">
        <p className="muted small">{t("me.signOutEverywhereHelp")}</p>
        <button type="submit" className="button secondary">
          {t("me.signOutEverywhere")}
        </button>
      </form>
    </div>
  );
}
