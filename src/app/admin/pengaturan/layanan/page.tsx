import Link from "next/link";
import { SettingsTabs } from "@/features/setup/components/SettingsTabs";
import { regionFor, serviceCatalogData } from "@/features/setup/server/page-data";
import { storedDocuments } from "@/features/setup/server/queries";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import "@/features/setup/setup.css";

// The service catalog: each service's SLA in working days, its documents, whether it goes through BKN.
export default async function ServiceCatalogPage({ searchParams }: { searchParams: Promise<{ tersimpan?: string }> }) {
  const session = await requireRole(rolesFor("/admin/pengaturan"), "/admin/pengaturan/layanan");
  const [{ t, locale }, region, search] = await Promise.all([getTranslator(), regionFor(session), searchParams]);
  const services = region ? await serviceCatalogData() : [];
  const saved = services.find((s) => s.id === search.tersimpan);
  return (
    <div className="page">
      <h1>{t("setup.service.title")}</h1>
      <SettingsTabs current="/admin/pengaturan/layanan" />
      {!region ? (
        <p className="alert error" role="status">
          {t("setup.region.missing")}
        </p>
      ) : (
        <>
          <div aria-live="polite">
            {saved && (
              <p className="alert ok" role="status">
                {t("setup.service.saved", { name: locale === "en" ? saved.nameEn : saved.nameId })}{" "}
                {t("setup.service.slaNote")}
              </p>
            )}
          </div>
          <p className="setup-note">{t("setup.service.slaNote")}</p>
          <p>
            <Link className="button" href="/admin/pengaturan/layanan/baru">
              {t("setup.service.add")}
            </Link>
          </p>
          {services.length === 0 ? (
            <p className="muted">{t("setup.service.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="setup-services">
                <caption className="sr-only">{t("setup.service.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("setup.service.code")}</th>
                    <th scope="col">{t("setup.service.name")}</th>
                    <th scope="col">{t("setup.service.sla")}</th>
                    <th scope="col">{t("setup.service.documents")}</th>
                    <th scope="col">{t("setup.service.flow")}</th>
                  </tr>
                </thead>
                <tbody>
                  {services.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link
                          href={`/admin/pengaturan/layanan/${s.id}`}
                          aria-label={t("setup.service.editLabel", { name: locale === "en" ? s.nameEn : s.nameId })}
                        >
                          {s.code}
                        </Link>
                      </td>
                      <td>
                        {locale === "en" ? s.nameEn : s.nameId}
                        {!s.active && <span className="muted"> · {t("setup.service.inactive")}</span>}
                      </td>
                      <td>{t("setup.service.days", { n: s.slaDays })}</td>
                      <td>{storedDocuments(s.documents).length}</td>
                      <td>{s.viaBkn ? t("setup.service.flowBkn") : t("setup.service.flowLocal")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
