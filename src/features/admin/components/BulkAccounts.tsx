"use client";
// Accounts from the employee list: a filter, a preview (who, as what, who is skipped and why), then one
// all-or-nothing creation whose answer carries the one-time passwords — shown here once, printed or
// downloaded from that same answer, and gone when the list is closed.
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useId, useState } from "react";
import { isMessageKey } from "@/i18n/catalog";
import { formatNumber } from "@/i18n/format";
import { useI18n } from "@/i18n/client";
import { useTRPC } from "@/trpc/react";
import { BULK_INCLUDE, bulkAccountsInput, type BulkAccountsInput } from "../schemas";
import { Credentials, type Credential } from "./Credentials";
import "./accounts.css";

type SkipReason = "hasAccount" | "inactive" | "retired" | "usernameTaken";
const SKIP_REASONS: SkipReason[] = ["hasAccount", "inactive", "retired", "usernameTaken"];

export function BulkAccounts() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { data: units } = useSuspenseQuery(trpc.units.list.queryOptions());
  const queryClient = useQueryClient();
  const ids = useId();
  const [filter, setFilter] = useState<BulkAccountsInput | null>(null);
  /** Roles chosen by hand in the preview: employee id → unit head or not. */
  const [overrides, setOverrides] = useState<Record<string, boolean>>({});
  const [result, setResult] = useState<{ created: Credential[]; skipped: Record<SkipReason, number> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const preview = useQuery(
    trpc.users.bulkPreview.queryOptions(filter!, { enabled: filter !== null, staleTime: 0, gcTime: 0 }),
  );
  const create = useMutation(trpc.users.bulkCreate.mutationOptions());

  function onPreview(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const parsed = bulkAccountsInput.safeParse({
      unitId: String(f.get("unitId") ?? "") || null,
      position: f.get("position") ?? "",
      headPrefix: f.get("headPrefix") ?? "",
      include: f.get("include") ?? "all",
    });
    if (!parsed.success) {
      setError(t("error.body"));
      return;
    }
    setError(null);
    setOverrides({});
    setFilter(parsed.data);
  }

  const data = preview.data;
  const isHead = (row: { employeeId: string; role: string }) => overrides[row.employeeId] ?? row.role === "UNIT_HEAD";
  const toHead = data ? data.rows.filter((r) => r.role !== "UNIT_HEAD" && isHead(r)).length : 0;
  const toEmployee = data ? data.rows.filter((r) => r.role === "UNIT_HEAD" && !isHead(r)).length : 0;
  const include = filter?.include ?? "all";
  const heads = data ? (include === "employees" ? 0 : data.heads + toHead - toEmployee) : 0;
  const employees = data ? (include === "heads" ? 0 : data.employees - toHead + toEmployee) : 0;
  const total = heads + employees;

  async function onCreate() {
    if (!filter || !data || total === 0) return;
    if (!window.confirm(t("accounts.bulk.confirm", { n: total }))) return;
    const headIds = data.rows.filter((r) => r.role !== "UNIT_HEAD" && isHead(r)).map((r) => r.employeeId);
    const employeeIds = data.rows.filter((r) => r.role === "UNIT_HEAD" && !isHead(r)).map((r) => r.employeeId);
    setError(null);
    try {
      const made = await create.mutateAsync({ ...filter, headIds, employeeIds });
      setResult({ created: made.created, skipped: made.skipped });
      setFilter(null);
      setOverrides({});
      await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
    } catch (err) {
      const m = err instanceof TRPCClientError ? err.message : "";
      setError(isMessageKey(m) ? t(m) : t("error.body"));
    }
  }

  if (result) return <Credentials created={result.created} onDone={() => setResult(null)} />;

  return (
    <section aria-labelledby={`${ids}-title`} className="bulk-accounts">
      <h2 id={`${ids}-title`}>{t("accounts.bulk.title")}</h2>
      <p className="muted">{t("accounts.bulk.lead")}</p>
      <p className="muted small">{t("accounts.bulk.usernameWhy")}</p>
      <form className="form grid" onSubmit={onPreview} aria-labelledby={`${ids}-title`} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-unit`}>{t("accounts.bulk.unit")}</label>
          <select id={`${ids}-unit`} name="unitId" defaultValue="">
            <option value="">{t("accounts.bulk.allUnits")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.code} — {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-position`}>{t("accounts.bulk.position")}</label>
          <input id={`${ids}-position`} name="position" aria-describedby={`${ids}-position-help`} autoComplete="off" />
          <span id={`${ids}-position-help`} className="muted small">
            {t("accounts.bulk.positionHelp")}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-head`}>{t("accounts.bulk.headPrefix")}</label>
          <input
            id={`${ids}-head`}
            name="headPrefix"
            defaultValue="Kepala"
            aria-describedby={`${ids}-head-help`}
            autoComplete="off"
          />
          <span id={`${ids}-head-help`} className="muted small">
            {t("accounts.bulk.headPrefixHelp")}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-include`}>{t("accounts.bulk.include.label")}</label>
          <select id={`${ids}-include`} name="include" defaultValue="all">
            {BULK_INCLUDE.map((v) => (
              <option key={v} value={v}>
                {t(`accounts.bulk.include.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary" disabled={preview.isFetching}>
          {preview.isFetching ? t("accounts.bulk.previewing") : t("accounts.bulk.preview")}
        </button>
      </form>

      <div aria-live="polite" className="bulk-outcome">
        {error && (
          <p role="alert" className="alert error">
            {error}
          </p>
        )}
        {preview.isError && (
          <p role="alert" className="alert error">
            {t("error.body")}
          </p>
        )}
        {data && filter && (
          <>
            <p className="bulk-summary">
              {total > 0 ? t("accounts.bulk.summary", { total, heads, employees }) : t("accounts.bulk.none")}
            </p>
            <h3 className="bulk-skipped-title">{t("accounts.bulk.skippedTitle")}</h3>
            {SKIP_REASONS.some((r) => data.skipped[r] > 0) ? (
              <ul className="bulk-skipped">
                {SKIP_REASONS.filter((r) => data.skipped[r] > 0).map((r) => (
                  <li key={r}>{t(`accounts.bulk.skipped.${r}`, { n: data.skipped[r] })}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("accounts.bulk.noneSkipped")}</p>
            )}
          </>
        )}
      </div>

      {data && filter && data.rows.length > 0 && (
        <>
          {data.total > data.rows.length && (
            <p className="muted small">
              {t("accounts.bulk.shownOf", {
                shown: formatNumber(data.rows.length, locale),
                total: formatNumber(data.total, locale),
              })}
            </p>
          )}
          <div className="table-wrap bulk-preview">
            <table>
              <caption className="sr-only">{t("accounts.bulk.table")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("accounts.bulk.col.head")}</th>
                  <th scope="col">{t("accounts.bulk.col.name")}</th>
                  <th scope="col">{t("accounts.bulk.col.nip")}</th>
                  <th scope="col">{t("accounts.bulk.col.position")}</th>
                  <th scope="col">{t("accounts.bulk.col.unit")}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.employeeId}>
                    <td>
                      <input
                        type="checkbox"
                        className="bulk-head-check"
                        checked={isHead(r)}
                        aria-label={t("accounts.bulk.headOf", { name: r.name })}
                        onChange={(e) => setOverrides((o) => ({ ...o, [r.employeeId]: e.target.checked }))}
                      />
                    </td>
                    <td>{r.name}</td>
                    <td className="code">{r.username}</td>
                    <td>{r.position}</td>
                    <td>{r.unitName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button type="button" className="button" onClick={onCreate} disabled={create.isPending || total === 0}>
              {create.isPending ? t("accounts.bulk.creating") : t("accounts.bulk.create", { n: total })}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
