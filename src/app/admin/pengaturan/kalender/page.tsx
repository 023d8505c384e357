import Link from "next/link";
import { HolidayForm } from "@/features/setup/components/HolidayForm";
import { SettingsTabs } from "@/features/setup/components/SettingsTabs";
import { addShippedYearForm } from "@/features/setup/server/actions";
import { calendarData, regionFor } from "@/features/setup/server/page-data";
import { getTranslator } from "@/i18n/server";
import { isoDay } from "@/lib/domain/working-days";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { todayNumber } from "@/server/clock";
import "@/features/setup/setup.css";

type Search = { tahun?: string; tersimpan?: string; ditambah?: string; galat?: string };

// The region's working calendar, a year at a time: national holidays and cuti bersama, edited by hand
// or the shipped national list added for a year.
export default async function CalendarPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requireRole(rolesFor("/admin/pengaturan"), "/admin/pengaturan/kalender");
  const [{ t }, region, search] = await Promise.all([getTranslator(), regionFor(session), searchParams]);
  const thisYear = Number(isoDay(todayNumber(region?.timezone)).slice(0, 4));
  const asked = Number(search.tahun);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const data = region ? await calendarData(year) : null;
  const years = [...new Set([...(data?.years ?? []), thisYear, thisYear + 1, year])].sort();
  const saved = search.tersimpan && ["tambah", "ubah", "hapus"].includes(search.tersimpan) ? search.tersimpan : null;
  return (
    <div className="page">
      <h1>{t("setup.calendar.title")}</h1>
      <SettingsTabs current="/admin/pengaturan/kalender" />
      {!region || !data ? (
        <p className="alert error" role="status">
          {t("setup.region.missing")}
        </p>
      ) : (
        <>
          <div aria-live="polite">
            {saved && (
              <p className="alert ok" role="status">
                {t(`setup.calendar.saved.${saved as "tambah" | "ubah" | "hapus"}`)}
              </p>
            )}
            {search.ditambah !== undefined && (
              <p className="alert ok" role="status">
                {t("setup.calendar.added", { n: Number(search.ditambah) || 0, year: String(year) })}
              </p>
            )}
            {search.galat === "hilang" && (
              <p className="alert error" role="alert">
                {t("setup.error.holidayGone")}
              </p>
            )}
          </div>
          <p className="setup-note">{t("setup.calendar.recompute")}</p>
          <nav aria-label={t("setup.calendar.years")}>
            <ul className="setup-years">
              {years.map((y) => (
                <li key={y}>
                  <Link href={`/admin/pengaturan/kalender?tahun=${y}`} aria-current={y === year ? "page" : undefined}>
                    {y}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <h2>{t("setup.calendar.yearTitle", { year: String(year), n: data.holidays.length })}</h2>
          {data.shippedMissing > 0 ? (
            <form action={addShippedYearForm} className="block">
              <input type="hidden" name="year" value={year} />
              <button type="submit" className="button secondary">
                {t("setup.calendar.addShipped", { year: String(year), n: data.shippedMissing })}
              </button>
            </form>
          ) : (
            data.holidays.length === 0 && (
              <p className="muted">{t("setup.calendar.noShipped", { year: String(year) })}</p>
            )
          )}
          <h3>{t("setup.calendar.add")}</h3>
          <HolidayForm year={year} />
          <h3>{t("setup.calendar.days")}</h3>
          {data.holidays.length === 0 ? (
            <p className="muted">{t("setup.calendar.empty")}</p>
          ) : (
            <ul className="setup-days">
              {data.holidays.map((h) => (
                <li key={h.id}>
                  <HolidayForm day={h} year={year} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
