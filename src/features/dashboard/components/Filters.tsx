"use client";
// The dashboards' filter: period, unit (as a tree) and service type. It lives in the URL, so a link
// reproduces the view and back/forward work; without JavaScript it is a plain GET form.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useI18n } from "@/i18n/client";
import type { MessageKey } from "@/i18n/catalog";
import { FILTER_PARAM as P, filterQuery, PERIOD_IN_URL, type DashboardFilter, type UnitOption } from "../filter";
import { PERIOD_PRESETS } from "../period";

export { filterQuery, type DashboardFilter, type UnitOption };

export function Filters(props: {
  filter: DashboardFilter;
  units: UnitOption[];
  services: { id: string; name: string }[];
  canSeeAll: boolean;
  /** A unit page fixes the unit. */
  fixedUnit?: boolean;
  /** Attendance and e-Kinerja are not about services. */
  noService?: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const { filter } = props;
  // On a phone the form is a sheet behind one button that names the current filter, so the figures
  // come first; on wider screens (CSS) the button is hidden and the form always shown.
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const unitName = props.units.find((u) => u.id === filter.unitId)?.name;
  const serviceName = props.services.find((s) => s.id === filter.serviceTypeId)?.name;
  const summary = [
    filter.period === "custom" && filter.from && filter.to
      ? t("dashboard.range", { from: filter.from, to: filter.to })
      : t(`dashboard.period.${filter.period}`),
    props.fixedUnit ? null : (unitName ?? t("dashboard.unit.all")),
    props.noService ? null : (serviceName ?? t("dashboard.service.all")),
  ]
    .filter(Boolean)
    .join(" · ");

  function apply(form: HTMLFormElement) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) {
      if (typeof v !== "string" || v === "") continue;
      if (
        (k === P.from || k === P.to) &&
        (form.elements.namedItem(P.period) as HTMLSelectElement).value !== PERIOD_IN_URL.custom
      )
        continue;
      params.set(k, v);
    }
    router.push(`${pathname}?${params.toString()}`, { scroll: false });
  }

  return (
    <div className="filter-sheet" data-open={open}>
      <button
        ref={toggle}
        type="button"
        className="filter-toggle"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(!open)}
      >
        <span className="filter-toggle-label">{t(open ? "filters.hide" : "filters.show")}</span>
        <span className="filter-toggle-summary">{summary}</span>
      </button>
      <form
        id={formId}
        className="form filters"
        method="get"
        aria-label={t("dashboard.filters")}
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) {
            setOpen(false);
            toggle.current?.focus();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          apply(e.currentTarget);
        }}
        onChange={(e) => {
          const target = e.target as HTMLElement;
          const period = (e.currentTarget.elements.namedItem(P.period) as HTMLSelectElement).value;
          // Selects apply at once; a custom range waits for both dates and the Apply button.
          if (
            target.tagName === "SELECT" &&
            (period !== PERIOD_IN_URL.custom || target.getAttribute("name") !== P.period)
          )
            apply(e.currentTarget);
        }}
      >
        <label>
          {t("dashboard.period.label")}
          <select name={P.period} defaultValue={PERIOD_IN_URL[filter.period]}>
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={PERIOD_IN_URL[p]}>
                {t(`dashboard.period.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="custom-range">
          <label>
            {t("dashboard.from")}
            <input type="date" name={P.from} defaultValue={filter.from} />
          </label>
          <label>
            {t("dashboard.to")}
            <input type="date" name={P.to} defaultValue={filter.to} />
          </label>
        </div>
        {!props.fixedUnit && (
          <label>
            {t("dashboard.unit.label")}
            <select name={P.unitId} defaultValue={filter.unitId ?? ""}>
              {props.canSeeAll && <option value="">{t("dashboard.unit.all")}</option>}
              {props.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {"\u00a0\u00a0".repeat(u.depth)}
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {props.noService ? (
          filter.serviceTypeId && <input type="hidden" name={P.serviceTypeId} value={filter.serviceTypeId} />
        ) : (
          <label>
            {t("dashboard.service.label")}
            <select name={P.serviceTypeId} defaultValue={filter.serviceTypeId ?? ""}>
              <option value="">{t("dashboard.service.all")}</option>
              {props.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="filter-actions">
          <button className="button small" type="submit">
            {t("dashboard.apply")}
          </button>
          {props.children}
        </div>
      </form>
    </div>
  );
}

const TABS: { href: string; label: MessageKey }[] = [
  { href: "/dasbor", label: "dashboard.tab.overview" },
  { href: "/dasbor/layanan", label: "dashboard.tab.services" },
  { href: "/dasbor/kehadiran", label: "dashboard.tab.attendance" },
  { href: "/dasbor/ekinerja", label: "dashboard.tab.ekinerja" },
  { href: "/dasbor/kepuasan", label: "dashboard.tab.satisfaction" },
  { href: "/dasbor/rapor", label: "dashboard.tab.scorecard" },
];

/** The dashboard's pages; the filter travels along. */
export function DashboardTabs({ filter }: { filter: DashboardFilter }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const qs = filterQuery(filter);
  return (
    <nav aria-label={t("dashboard.tabs")} className="tabs">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.href}>
            <Link href={`${tab.href}${qs}`} aria-current={pathname === tab.href ? "page" : undefined}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
