import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { publicBaseUrl, qrSvg, surveyUrl } from "@/features/survey/server/qr";
import { requireRole } from "@/server/auth";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.surveyQr");

/** A page to print and put on the counter: the QR code, the point's name and the link in words. */
export default async function QrPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(rolesFor("/admin/survei"), `/admin/survei/${id}/qr`);
  const [{ t }, base, point] = await Promise.all([
    getTranslator(),
    publicBaseUrl(),
    pageData((api) => api.survey.point({ id: id.slice(0, 64) })),
  ]);
  const svg = await qrSvg(surveyUrl(base, point.code, "qr"));
  return (
    <div className="page qr-print">
      <h1>{t("survey.print.title")}</h1>
      <p className="lead">{point.name}</p>
      <div
        className="qr-big"
        role="img"
        aria-label={t("survey.admin.qrOf", { name: point.name })}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p>{t("survey.print.scan")}</p>
      <p className="code">{surveyUrl(base, point.code)}</p>
    </div>
  );
}
