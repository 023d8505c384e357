import Link from "next/link";
import { getTranslator } from "@/i18n/server";

export default async function Forbidden() {
  const { t } = await getTranslator();
  return (
    <div className="page narrow" data-testid="forbidden">
      <h1>{t("forbidden.title")}</h1>
      <p>{t("forbidden.body")}</p>
      <p>
        <Link href="/">{t("forbidden.back")}</Link>
      </p>
    </div>
  );
}
