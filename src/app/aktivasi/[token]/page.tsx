import type { Metadata } from "next";
import Link from "next/link";
import { FirstAdminForm } from "@/features/setup/components/FirstAdminForm";
import { setupLinkData } from "@/features/setup/server/page-data";
import { getTranslator } from "@/i18n/server";
import "@/features/setup/setup.css";

export const metadata: Metadata = { title: "Pantau", robots: { index: false } };

// The one-time link start-up printed: the first administrator's account, once, while none exists.
export default async function FirstAdminPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [{ t }, { state }] = await Promise.all([getTranslator(), setupLinkData(token)]);
  return (
    <div className="page narrow">
      <h1>{t("setup.admin.title")}</h1>
      {state === "valid" ? (
        <>
          <p className="lead">{t("setup.admin.lead")}</p>
          <FirstAdminForm token={token} />
        </>
      ) : (
        <>
          <p className="alert error" role="alert">
            {t(`setup.token.${state}`)}
          </p>
          {state === "adminExists" && (
            <p>
              <Link className="button" href="/masuk">
                {t("nav.login")}
              </Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}
