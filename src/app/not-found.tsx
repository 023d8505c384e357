import Link from "next/link";
import { getTranslator } from "@/i18n/server";

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <div className="page narrow">
      <h1>{t("notFound.title")}</h1>
      <p>
        <Link href="/">{t("forbidden.back")}</Link>
      </p>
    </div>
  );
}
