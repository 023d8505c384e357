import { SurveyForm } from "@/features/survey/components/SurveyForm";
import { submitPointSurvey } from "@/features/survey/server/actions";
import { newSubmissionKey } from "@/features/survey/server/page-data";
import { getTranslator } from "@/i18n/server";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.survey");
export const dynamic = "force-dynamic";

/** The open survey of a service point: its link, or its QR code (?via=qr). No account needed. */
export default async function SurveyPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ via?: string }>;
}) {
  const [{ code }, { via }, { t, locale }] = await Promise.all([params, searchParams, getTranslator()]);
  const form = await pageData((api) => api.survey.pointForm({ code: code.slice(0, 80) }));
  if (!form) {
    return (
      <div className="page narrow">
        <h1>{t("survey.title")}</h1>
        <p className="alert error" role="alert">
          {t("survey.notFound")}
        </p>
      </div>
    );
  }
  const { point, elements, services } = form;
  return (
    <div className="page survey">
      <h1>{t("survey.title")}</h1>
      <p className="lead">{t("survey.intro", { point: point.name })}</p>
      <SurveyForm
        action={submitPointSurvey}
        submissionKey={newSubmissionKey()}
        hidden={{ point: point.code, via: via === "qr" ? "qr" : "link" }}
        elements={elements}
        services={services ? services.map((s) => ({ id: s.id, name: locale === "en" ? s.nameEn : s.nameId })) : null}
      />
    </div>
  );
}
