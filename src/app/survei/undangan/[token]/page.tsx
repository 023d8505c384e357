import { SurveyForm } from "@/features/survey/components/SurveyForm";
import { submitInviteSurvey } from "@/features/survey/server/actions";
import { elementWording, newSubmissionKey } from "@/features/survey/server/page-data";
import { hashToken } from "@/features/survey/server/submit";
import { getTranslator } from "@/i18n/server";
import { getDb } from "@/server/db";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.survey");
export const dynamic = "force-dynamic";

/** The one-time survey of a finished request (the link on its receipt). */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, { t, locale }, db] = await Promise.all([params, getTranslator(), getDb()]);
  const invite = await db.surveyInvite.findUnique({ where: { tokenHash: hashToken(token.slice(0, 200)) } });
  const request = invite
    ? await db.serviceRequest.findUnique({ where: { id: invite.requestId }, include: { serviceType: true } })
    : null;
  if (!invite || !request || invite.usedAt) {
    return (
      <div className="page narrow">
        <h1>{t("survey.title")}</h1>
        <p className="alert error" role="alert">
          {t(invite?.usedAt ? "survey.error.inviteUsed" : "survey.notFound")}
        </p>
      </div>
    );
  }
  return (
    <div className="page survey">
      <h1>{t("survey.title")}</h1>
      <p className="lead">
        {t("survey.introInvite", {
          service: locale === "en" ? request.serviceType.nameEn : request.serviceType.nameId,
          number: request.number,
        })}
      </p>
      <SurveyForm
        action={submitInviteSurvey}
        submissionKey={newSubmissionKey()}
        hidden={{ token }}
        elements={await elementWording(db)}
        services={null}
      />
    </div>
  );
}
