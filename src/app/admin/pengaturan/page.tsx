import { RegionForm } from "@/features/setup/components/RegionForm";
import { SettingsTabs } from "@/features/setup/components/SettingsTabs";
import { updateRegionForm } from "@/features/setup/server/actions";
import { regionFor } from "@/features/setup/server/page-data";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import "@/features/setup/setup.css";

// Settings (ADMIN and HR): the region here; the calendar and the service catalog on their own pages.
export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ tersimpan?: string }> }) {
  const session = await requireRole(rolesFor("/admin/pengaturan"), "/admin/pengaturan");
  const [{ t }, region, search] = await Promise.all([getTranslator(), regionFor(session), searchParams]);
  return (
    <div className="page">
      <h1>{t("nav.settings")}</h1>
      <SettingsTabs current="/admin/pengaturan" />
      {!region ? (
        <p className="alert error" role="status">
          {t("setup.region.missing")}
        </p>
      ) : (
        <>
          {search.tersimpan === "daerah" && (
            <p className="alert ok" role="status">
              {t("setup.region.saved")}
            </p>
          )}
          <p className="setup-note">{t("setup.region.changeNote")}</p>
          <RegionForm
            action={updateRegionForm}
            initial={{
              name: region.name,
              code: region.code,
              kind: region.kind,
              timezone: region.timezone,
              ekinerjaDeadlineDay: String(region.ekinerjaDeadlineDay),
              dailyLogGraceDays: String(region.dailyLogGraceDays),
            }}
            submitLabel="setup.form.save"
          />
        </>
      )}
    </div>
  );
}
