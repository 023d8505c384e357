import Link from "next/link";
import { notFound } from "next/navigation";
import { ColumnSelect } from "@/features/imports/components/ColumnSelect";
import { PendingButton } from "@/features/imports/components/PendingButton";
import { applyMasterImport, cancelMasterImport, saveMasterMapping } from "@/features/imports/server/master-actions";
import { isMessageKey, type Locale, type MessageKey, type Translate } from "@/i18n/catalog";
import { formatDate, formatDateTime, formatNumber } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import type { PlanCounts, Problem } from "../../../../../etl/master/plan";
import { pageTitle } from "@/i18n/server";
import { pageData } from "@/trpc/server";

export const generateMetadata = pageTitle("title.masterPreview");

const COUNTS: Record<"UNITS" | "EMPLOYEES", (keyof PlanCounts)[]> = {
  UNITS: ["rows", "problems", "unitsCreated", "unitsUpdated", "unitsDeactivated"],
  EMPLOYEES: [
    "rows",
    "problems",
    "employeesCreated",
    "employeesUpdated",
    "employeesMoved",
    "employeesDeactivated",
    "employeesReactivated",
    "employeesUnchanged",
    "unitsCreated",
  ],
};

const fieldLabel = (t: Translate, f: string | null) => {
  const key = `master.field.${f}`;
  return f && isMessageKey(key) ? t(key) : "—";
};

function Counts({
  t,
  locale,
  kind,
  counts,
}: {
  t: Translate;
  locale: Locale;
  kind: "UNITS" | "EMPLOYEES";
  counts: PlanCounts;
}) {
  return (
    <div className="table-wrap">
      <table>
        <tbody>
          {COUNTS[kind].map((k) => (
            <tr key={k}>
              <th scope="row">{t(`master.count.${k}` as MessageKey)}</th>
              <td className="num" data-testid={`count-${k}`}>
                {formatNumber(counts[k], locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Problems({
  t,
  locale,
  problems,
  total,
}: {
  t: Translate;
  locale: Locale;
  problems: Problem[];
  total: number;
}) {
  if (total === 0) return null;
  const shown = problems.slice(0, 100);
  return (
    <section aria-labelledby="problems-title">
      <h2 id="problems-title">{t("master.problems.title")}</h2>
      {total > shown.length && (
        <p className="muted">
          {t("master.problems.first", {
            shown: formatNumber(shown.length, locale),
            total: formatNumber(total, locale),
          })}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("master.problems.line")}
              </th>
              <th scope="col">{t("master.problems.field")}</th>
              <th scope="col">{t("master.problems.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={i}>
                <td className="num">{p.line}</td>
                <td>{fieldLabel(t, p.field)}</td>
                <td>{t(p.key, p.vars)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One master-data import: map its columns, preview it, apply or cancel it; afterwards what it did. */
export default async function MasterImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{
    per?: string;
    lengkap?: string;
    petakan?: string;
    galat?: string;
    kolom?: string;
    diterapkan?: string;
  }>;
}) {
  await requireRole(rolesFor("/data/induk"), "/data/induk");
  const [{ id }, sp, { t, locale }] = await Promise.all([params, searchParams, getTranslator()]);
  const importId = Number(id);
  if (!Number.isInteger(importId) || importId <= 0) notFound();
  const view = await pageData((api) =>
    api.imports.masterPreview({
      id: importId,
      asOf: sp.per?.slice(0, 10),
      complete: sp.lengkap === "1",
      remap: sp.petakan === "1",
    }),
  );
  if (view.state === "missing") notFound();
  const error =
    sp.galat && isMessageKey(sp.galat)
      ? t(sp.galat, {
          fields: (sp.kolom ?? "")
            .split(",")
            .map((f) =>
              f
                .split("|")
                .map((x) => fieldLabel(t, x))
                .join(" / "),
            )
            .join(", "),
        })
      : null;
  const back = (
    <p>
      <Link href="/data/induk">← {t("master.title")}</Link>
    </p>
  );
  const errorBox = error && (
    <p className="alert error" role="alert">
      {error}
    </p>
  );

  if (view.state === "closed") {
    const summary = view.imp.summary as { counts?: PlanCounts; problems?: Problem[] } | null;
    return (
      <div className="page">
        {back}
        <h1>{t("master.preview.title", { file: view.imp.fileName })}</h1>
        {errorBox}
        {view.imp.status === "APPLIED" ? (
          <>
            <p className="alert ok" role="status">
              {t("master.applied.label", { when: formatDateTime(view.imp.appliedAt!, locale) })}{" "}
              {t("master.applied.etl")}
            </p>
            {summary?.counts && <Counts t={t} locale={locale} kind={view.imp.kind} counts={summary.counts} />}
            {summary?.problems && (
              <Problems
                t={t}
                locale={locale}
                problems={summary.problems}
                total={summary.counts?.problems ?? summary.problems.length}
              />
            )}
          </>
        ) : (
          <p className="alert" role="status">
            {t("master.cancelled")}
          </p>
        )}
      </div>
    );
  }

  if (view.state === "error") {
    return (
      <div className="page">
        {back}
        <h1>{t("master.preview.title", { file: view.imp.fileName })}</h1>
        <p className="alert error" role="alert">
          {t(view.key)}
        </p>
        <form action={cancelMasterImport}>
          <input type="hidden" name="importId" value={view.imp.id} />
          <PendingButton className="button secondary">{t("master.cancel")}</PendingButton>
        </form>
      </div>
    );
  }

  if (view.state === "mapping") {
    return (
      <div className="page">
        {back}
        <h1>{t("master.map.title")}</h1>
        <p className="muted">{t("master.map.lead")}</p>
        {errorBox}
        <form action={saveMasterMapping} className="form mapping">
          <input type="hidden" name="importId" value={view.imp.id} />
          {view.fields.map((f) => {
            const chosen = view.map[f.field];
            const missing = view.missing.some((m) => m.split("|").includes(f.field));
            return (
              <label key={f.field}>
                <span>
                  {fieldLabel(t, f.field)}{" "}
                  {f.required === true && <span className="muted small">({t("master.map.required")})</span>}
                  {f.required === "unit" && <span className="muted small">({t("master.map.requiredUnit")})</span>}
                </span>
                <ColumnSelect
                  t={t}
                  name={`col.${f.field}`}
                  header={view.header}
                  samples={view.samples}
                  chosen={chosen}
                  invalid={missing}
                />
              </label>
            );
          })}
          <p>
            <PendingButton>{t("master.map.save")}</PendingButton>
          </p>
        </form>
      </div>
    );
  }

  const { plan, options, imp } = view;
  const changes = plan.counts.rows - plan.counts.problems - plan.counts.employeesUnchanged;
  const nothing = plan.units.length === 0 && plan.employees.length === 0;
  const moved = plan.employees.filter((e) => e.moved).slice(0, 10);
  return (
    <div className="page">
      {back}
      <h1>{t("master.preview.title", { file: imp.fileName })}</h1>
      {errorBox}
      {sp.diterapkan && (
        <p className="alert ok" role="status">
          {t("master.applied.etl")}
        </p>
      )}
      <p className="muted">
        {t("master.preview.header", { line: view.headerLine, skipped: view.skipped })}{" "}
        {view.mapSource === "saved" && t("master.preview.mapSaved")}{" "}
        <Link href={`/data/induk/${imp.id}?petakan=1`}>{t("master.map.change")}</Link>
      </p>
      <form method="get" className="card form" aria-labelledby="options-title">
        <h2 id="options-title">{t("master.preview.options")}</h2>
        <label>
          {t("master.preview.asOf")}
          <input type="date" name="asOf" defaultValue={options.asOf} aria-describedby="asof-hint" />
        </label>
        <p id="asof-hint" className="muted small">
          {t("master.preview.asOfHint")}
        </p>
        <label className="checkbox">
          <input type="checkbox" name="complete" value="1" defaultChecked={options.complete} />{" "}
          {t(`master.preview.complete.${imp.kind}`)}
        </label>
        <p>
          <button type="submit" className="button secondary small">
            {t("master.preview.refresh")}
          </button>
        </p>
      </form>
      <h2>{t("master.preview.counts")}</h2>
      <p className="muted small">{formatDate(new Date(`${options.asOf}T05:00:00Z`), locale)}</p>
      <Counts t={t} locale={locale} kind={imp.kind} counts={plan.counts} />
      {moved.length > 0 && (
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">{t("master.changes.title")}</h2>
          <ul>
            {moved.map((e) => (
              <li key={e.after.id}>
                {t("master.changes.moved", {
                  name: e.after.name,
                  from: view.unitNames.get(e.before!.unitId) ?? "?",
                  to: view.unitNames.get(e.after.unitId) ?? "?",
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Problems t={t} locale={locale} problems={plan.problems} total={plan.counts.problems} />
      <div className="inline-form">
        {nothing ? (
          <p className="muted">{t("master.apply.nothing")}</p>
        ) : (
          <form action={applyMasterImport}>
            <input type="hidden" name="importId" value={imp.id} />
            <input type="hidden" name="asOf" value={options.asOf} />
            <input type="hidden" name="complete" value={options.complete ? "1" : ""} />
            <PendingButton>{t("master.apply.label")}</PendingButton>
          </form>
        )}
        <form action={cancelMasterImport}>
          <input type="hidden" name="importId" value={imp.id} />
          <PendingButton className="button secondary">{t("master.cancel")}</PendingButton>
        </form>
      </div>
      {!nothing && changes >= 0 && <p className="muted small">{t("master.apply.note")}</p>}
    </div>
  );
}
