import Link from "next/link";
import { ReportView } from "@/features/reports/components/ReportView";
import { getTranslator } from "@/i18n/server";
import { pageData } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.reports");
export const dynamic = "force-dynamic";

/** A published report at its stable URL (the latest version, or ?versi=N). Public. */
export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ region: string; period: string }>;
  searchParams: Promise<{ versi?: string }>;
}) {
  const [{ region, period }, sp] = await Promise.all([params, searchParams]);
  const version = sp.versi && /^\d{1,4}$/.test(sp.versi) ? Number(sp.versi) : undefined;
  const [{ t, locale }, report] = await Promise.all([
    getTranslator(),
    pageData((api) => api.reports.published({ region: region.slice(0, 64), period: period.slice(0, 16), version })),
  ]);
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link href="/laporan">{t("report.index.title")}</Link>
      </nav>
      <ReportView
        data={report.data}
        t={t}
        locale={locale}
        meta={{
          version: report.version,
          status: "PUBLISHED",
          publishedAt: report.publishedAt,
          changeNote: report.changeNote,
          versions: report.versions,
          base: `/laporan/${report.regionCode}/${report.period}`,
        }}
      />
    </div>
  );
}
