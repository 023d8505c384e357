import { SurveyForm } from "@/features/survey/components/SurveyForm";
import { submitInviteSurvey } from "@/features/survey/server/actions";
import { newSubmissionKey } from "@/features/survey/server/page-data";
import { getTranslator } from "@/i18n/server";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.survey");
export const dynamic = "force-dynamic";

/** The one-time survey of a finished request (the link on its receipt). */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, { t, locale }] = await Promise.all([params, getTranslator()]);
  const invite = await pageData((api) => api.survey.inviteForm({ token: token.slice(0, 200) }));
  if (invite.state !== "open") {
    return (
      <div className="page narrow">
        <h1>{t("survey.title")}</h1>
        <p className="alert error" role="alert">
          {t(invite.state === "used" ? "survey.error.inviteUsed" : "survey.notFound")}
        </p>
      </div>
    );
  }
  return (
    <div className="page survey">
      <h1>{t("survey.title")}</h1>
      <p className="lead">
        {t("survey.introInvite", {
          service: locale === "en" ? invite.request.serviceNameEn : invite.request.serviceNameId,
          number: invite.request.number,
        })}
      </p>
      <SurveyForm
        action={submitInviteSurvey}
        submissionKey={newSubmissionKey()}
        hidden={{ token }}
        elements={invite.elements}
        services={null}
      />
    </div>
  );
}
