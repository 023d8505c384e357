import { redirect } from "next/navigation";
import { logout } from "@/app/masuk/actions";
import { getTranslator } from "@/i18n/server";
import { sameOriginPath } from "@/lib/safe-redirect";
import { getAccountSession } from "@/server/auth";
import { ChangePasswordForm } from "./ChangePasswordForm";
import "@/features/admin/components/accounts.css";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.password");

/** The one page an account with a one-time password can open (see getSession); anyone signed in may change theirs here. */
export default async function ChangePasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const [{ t }, account, params] = await Promise.all([getTranslator(), getAccountSession(), searchParams]);
  if (!account) redirect("/masuk?callbackUrl=%2Fsaya%2Fkata-sandi");
  const callbackUrl = sameOriginPath(params.callbackUrl);
  return (
    <div className="page narrow password-page">
      <h1>{t("accounts.change.title")}</h1>
      {account.mustChangePassword && (
        <p className="alert warning" role="status">
          {t("accounts.change.forced")}
        </p>
      )}
      <p className="muted">
        {account.session.user.name} · <span className="code">{account.session.user.username}</span>
      </p>
      <ChangePasswordForm
        forced={account.mustChangePassword}
        callbackUrl={callbackUrl === "/saya/kata-sandi" ? null : callbackUrl}
      />
      {account.mustChangePassword && (
        <form action={logout} className="signout">
          <button type="submit" className="link-button">
            {t("accounts.change.signOut")}
          </button>
        </form>
      )}
    </div>
  );
}
