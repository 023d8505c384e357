import Link from "next/link";
import { getTranslator } from "@/i18n/server";
import { getSession } from "@/server/auth";
import { homeFor } from "@/lib/navigation";
import { leadToRegionSetup } from "@/features/setup/server/page-data";

export default async function LandingPage() {
  const [{ t }, session] = await Promise.all([getTranslator(), getSession()]);
  await leadToRegionSetup(session);
  return (
    <div className="page landing">
      <h1>{t("landing.title")}</h1>
      <p className="lead">{t("landing.lead")}</p>
      <ul className="cards">
        <li className="card">{t("landing.leaders")}</li>
        <li className="card">{t("landing.hr")}</li>
        <li className="card">{t("landing.public")}</li>
      </ul>
      <p>
        <Link className="button" href={session ? homeFor(session.user.role) : "/masuk"}>
          {session ? t("nav.dashboard") : t("landing.cta")}
        </Link>{" "}
        <Link className="button secondary" href="/laporan">
          {t("report.index.title")}
        </Link>
      </p>
    </div>
  );
}
