import { getTranslator } from "@/i18n/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.thanks");

/** Shown only after a response is stored (the form's action redirects here). */
export default async function ThanksPage() {
  const { t } = await getTranslator();
  return (
    <div className="page narrow survey-thanks">
      <h1>{t("survey.thanks.title")}</h1>
      <p className="lead" role="status">
        {t("survey.thanks.body")}
      </p>
    </div>
  );
}
