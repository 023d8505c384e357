import { RegionForm } from "@/features/setup/components/RegionForm";
import { createRegionForm } from "@/features/setup/server/actions";
import { regionSetupData } from "@/features/setup/server/page-data";
import { shippedHolidays, shippedYears } from "@/features/setup/server/queries";
import { getTranslator } from "@/i18n/server";
import { todayNumber } from "@/server/clock";
import { isoDay } from "@/lib/domain/working-days";
import { requireRole } from "@/server/auth";
import "@/features/setup/setup.css";

// The region, made once by an administrator, with its starting working calendar.
export default async function RegionSetupPage() {
  await requireRole(["ADMIN"], "/admin/pengaturan/daerah");
  await regionSetupData();
  const { t } = await getTranslator();
  const thisYear = Number(isoDay(todayNumber()).slice(0, 4));
  const calendar = shippedYears().map((year) => ({ year, holidays: shippedHolidays(year) }));
  return (
    <div className="page">
      <h1>{t("setup.region.title")}</h1>
      <p className="lead">{t("setup.region.lead")}</p>
      <RegionForm
        action={createRegionForm}
        initial={{}}
        calendar={calendar}
        openYear={thisYear}
        submitLabel="setup.region.create"
      />
    </div>
  );
}
