import { redirect } from "next/navigation";
import { getTranslator } from "@/i18n/server";
import { homeFor } from "@/lib/navigation";
import { sameOriginPath } from "@/lib/safe-redirect";
import { getAccountSession, PASSWORD_CHANGE_PATH } from "@/server/auth";
import { LoginForm } from "./LoginForm";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.login");

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ t }, session, params] = await Promise.all([getTranslator(), getAccountSession(), searchParams]);
  // Only same-site paths, so the login page cannot be used to redirect elsewhere.
  const callbackUrl = sameOriginPath(params.callbackUrl);
  if (session?.mustChangePassword) redirect(PASSWORD_CHANGE_PATH);
  if (session) redirect(callbackUrl ?? homeFor(session.session.user.role));
  return (
    <div className="page narrow">
      <h1>{t("login.title")}</h1>
      <LoginForm callbackUrl={callbackUrl} />
    </div>
  );
}
