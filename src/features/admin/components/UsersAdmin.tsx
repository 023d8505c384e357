"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import { formatDateTime, formatNumber } from "@/i18n/format";
import { isMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/client";
import { useTRPC } from "@/trpc/react";
import { canManageRole, createUserInput, ROLES } from "../schemas";
import "./accounts.css";

type Role = (typeof ROLES)[number];
const PAGE = 50;

type FieldErrors = Partial<Record<string, string>>;

/** Accounts, for an administrator (all of them) or HR (unit heads' and employees'; the rest are shown, not managed). */
export function UsersAdmin({ actorRole }: { actorRole: Role }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState<{ q: string; role: Role | ""; offset: number }>({ q: "", role: "", offset: 0 });
  const listInput = { q: search.q || undefined, role: search.role || undefined, limit: PAGE, offset: search.offset };
  const { data: list } = useQuery({ ...trpc.users.list.queryOptions(listInput), placeholderData: keepPreviousData });
  const users = list?.users ?? [];
  const total = list?.total ?? 0;
  const { data: units } = useSuspenseQuery(trpc.units.list.queryOptions());
  const [oneTime, setOneTime] = useState<Record<string, string>>({});
  const manageable = ROLES.filter((r) => canManageRole(actorRole, r));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string | null>(null);

  const messageOf = (err: unknown) => {
    const m = err instanceof TRPCClientError ? err.message : "";
    return isMessageKey(m) ? t(m) : t("error.body");
  };
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const create = useMutation(trpc.users.create.mutationOptions({ onSuccess: invalidate }));
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: invalidate }));
  const reset = useMutation(trpc.users.resetPassword.mutationOptions());
  const endSessions = useMutation(trpc.users.signOutEverywhere.mutationOptions());
  const done = (message: string) => ({
    onSuccess: () => setStatus(message),
    onError: (err: unknown) => setStatus(messageOf(err)),
  });

  async function onCreate(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    // The same zod schema as the server: errors show next to the field, in the user's language.
    const parsed = createUserInput.safeParse({
      username: f.get("username"),
      name: f.get("name"),
      password: f.get("password"),
      role: f.get("role"),
      unitId: f.get("unitId") || null,
      nip: String(f.get("nip") ?? "").replace(/\s/g, "") || null,
      email: String(f.get("email") ?? "").trim() || null,
    });
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        next[key] ??= isMessageKey(issue.message) ? t(issue.message) : issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    try {
      const user = await create.mutateAsync(parsed.data);
      setStatus(t("users.created", { username: user.username }));
      formEl.reset();
    } catch (err) {
      setStatus(null);
      setErrors({ form: messageOf(err) });
    }
  }

  const roleOptions = manageable.map((r) => (
    <option key={r} value={r}>
      {t(`role.${r}`)}
    </option>
  ));
  const unitOptions = units.map((u) => (
    <option key={u.id} value={u.id}>
      {u.code} — {u.name}
    </option>
  ));

  const field = (name: string) => ({
    name,
    id: `user-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `user-${name}-error` : undefined,
  });
  const fieldError = (name: string) =>
    errors[name] ? (
      <span id={`user-${name}-error`} className="field-error">
        {errors[name]}
      </span>
    ) : null;

  return (
    <>
      <h2 id="user-list">{t("accounts.list.title")}</h2>
      <form
        className="user-tools"
        role="search"
        aria-labelledby="user-list"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setSearch({ q: String(f.get("q") ?? "").trim(), role: String(f.get("role") ?? "") as Role | "", offset: 0 });
        }}
      >
        <label>
          {t("accounts.list.search")}
          <input name="q" type="search" defaultValue={search.q} autoComplete="off" />
        </label>
        <label>
          {t("accounts.list.roleFilter")}
          <select name="role" defaultValue={search.role}>
            <option value="">{t("accounts.list.allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button secondary">
          {t("dashboard.apply")}
        </button>
      </form>
      <p className="muted" aria-live="polite">
        {status ??
          `${t("accounts.list.count", { total })}${total > 0 ? ` · ${t("accounts.list.shown", { from: formatNumber(search.offset + 1, locale), to: formatNumber(Math.min(total, search.offset + users.length), locale) })}` : ""}`}
      </p>
      <div className="table-wrap">
        <table className="users-table">
          <thead>
            <tr>
              <th scope="col">{t("users.username")}</th>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.unit")}</th>
              <th scope="col">{t("users.lastLogin")}</th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col">{t("users.manage")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const mine = canManageRole(actorRole, u.role);
              return (
                <tr key={u.id}>
                  <td data-label={t("users.username")}>
                    <span className="code">{u.username}</span>
                  </td>
                  <td data-label={t("users.name")}>
                    {u.name}
                    {u.mustChangePassword && (
                      <>
                        {" "}
                        <span className="pending-badge">{t("accounts.list.mustChange")}</span>
                      </>
                    )}
                  </td>
                  <td data-label={t("users.role")}>{t(`role.${u.role}`)}</td>
                  <td data-label={t("users.unit")}>{u.unit?.name ?? "—"}</td>
                  <td data-label={t("users.lastLogin")}>
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : "—"}
                  </td>
                  <td data-label={t("users.status")}>
                    {!mine ? (
                      u.active ? (
                        t("users.active")
                      ) : (
                        t("users.inactive")
                      )
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        disabled={update.isPending}
                        aria-label={`${u.active ? t("users.deactivate") : t("users.activate")} ${u.username}`}
                        onClick={() =>
                          update.mutate(
                            { id: u.id, name: u.name, role: u.role, unitId: u.unitId, active: !u.active },
                            {
                              onSuccess: () => setStatus(t("users.updated")),
                              onError: (err) => setStatus(messageOf(err)),
                            },
                          )
                        }
                      >
                        {u.active ? t("users.active") : t("users.inactive")} ·{" "}
                        {u.active ? t("users.deactivate") : t("users.activate")}
                      </button>
                    )}
                  </td>
                  <td>
                    {!mine ? (
                      <span className="muted small">{t("accounts.list.notManaged")}</span>
                    ) : (
                      <details className="user-manage">
                        <summary>{t("users.manageOf", { username: u.username })}</summary>
                        <form
                          className="form"
                          aria-label={t("users.changeRole")}
                          onSubmit={(e) => {
                            e.preventDefault();
                            const f = new FormData(e.currentTarget);
                            const role = String(f.get("role")) as (typeof ROLES)[number];
                            update.mutate(
                              {
                                id: u.id,
                                name: u.name,
                                role,
                                unitId: String(f.get("unitId") ?? "") || null,
                                active: u.active,
                              },
                              done(t("users.updatedSessions")),
                            );
                          }}
                        >
                          <label>
                            {t("users.newRole")}
                            <select name="role" defaultValue={u.role}>
                              {roleOptions}
                            </select>
                          </label>
                          <label>
                            {t("users.newUnit")}
                            <select name="unitId" defaultValue={u.unitId ?? ""}>
                              <option value="">{t("users.noUnit")}</option>
                              {unitOptions}
                            </select>
                          </label>
                          <button type="submit" className="button secondary" disabled={update.isPending}>
                            {t("users.changeRole")}
                          </button>
                        </form>
                        <div className="form" role="group" aria-label={t("users.resetPassword")}>
                          <p className="muted small">{t("accounts.reset.help")}</p>
                          <button
                            type="button"
                            className="button secondary"
                            disabled={reset.isPending}
                            onClick={() =>
                              reset.mutate(
                                { id: u.id, deliver: "show" },
                                {
                                  onSuccess: (r) =>
                                    setOneTime((o) => ({
                                      ...o,
                                      [u.id]:
                                        "password" in r
                                          ? t("accounts.reset.shown", { username: r.username, password: r.password })
                                          : "",
                                    })),
                                  onError: (err) => setOneTime((o) => ({ ...o, [u.id]: messageOf(err) })),
                                },
                              )
                            }
                          >
                            {t("accounts.reset.show")}
                          </button>
                          {list?.canEmail && u.email && (
                            <button
                              type="button"
                              className="button secondary"
                              disabled={reset.isPending}
                              onClick={() =>
                                reset.mutate(
                                  { id: u.id, deliver: "email" },
                                  {
                                    onSuccess: (r) =>
                                      setOneTime((o) => ({
                                        ...o,
                                        [u.id]: t("accounts.reset.emailed", { username: r.username }),
                                      })),
                                    onError: (err) => setOneTime((o) => ({ ...o, [u.id]: messageOf(err) })),
                                  },
                                )
                              }
                            >
                              {t("accounts.reset.email", { email: u.email })}
                            </button>
                          )}
                          <p className="one-time" aria-live="polite">
                            {oneTime[u.id] ?? ""}
                          </p>
                        </div>
                        <button
                          type="button"
                          className="button secondary"
                          disabled={endSessions.isPending}
                          onClick={() =>
                            endSessions.mutate(
                              { id: u.id },
                              done(t("users.signedOutEverywhere", { username: u.username })),
                            )
                          }
                        >
                          {t("users.signOutEverywhere")}
                        </button>
                      </details>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {total > PAGE && (
        <nav className="pager-row" aria-label={t("users.title")}>
          <button
            type="button"
            className="button secondary small"
            disabled={search.offset === 0}
            onClick={() => setSearch((s) => ({ ...s, offset: Math.max(0, s.offset - PAGE) }))}
          >
            {t("accounts.list.prev")}
          </button>
          <button
            type="button"
            className="button secondary small"
            disabled={search.offset + PAGE >= total}
            onClick={() => setSearch((s) => ({ ...s, offset: s.offset + PAGE }))}
          >
            {t("accounts.list.next")}
          </button>
        </nav>
      )}

      <h2 id="new-user">{t("users.new")}</h2>
      <form className="form grid" onSubmit={onCreate} aria-labelledby="new-user" noValidate>
        {errors.form && (
          <p role="alert" className="alert error">
            {errors.form}
          </p>
        )}
        <div className="field">
          <label htmlFor="user-username">{t("users.username")}</label>
          <input {...field("username")} autoCapitalize="none" spellCheck={false} />
          {fieldError("username")}
        </div>
        <div className="field">
          <label htmlFor="user-name">{t("users.name")}</label>
          <input {...field("name")} />
          {fieldError("name")}
        </div>
        <div className="field">
          <label htmlFor="user-password">{t("users.password")}</label>
          <input {...field("password")} type="password" autoComplete="new-password" />
          {fieldError("password")}
        </div>
        <div className="field">
          <label htmlFor="user-role">{t("users.role")}</label>
          <select {...field("role")} defaultValue="EMPLOYEE">
            {roleOptions}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-unitId">{t("users.unit")}</label>
          <select {...field("unitId")} defaultValue="">
            <option value="">{t("users.noUnit")}</option>
            {unitOptions}
          </select>
          {fieldError("unitId")}
        </div>
        <div className="field">
          <label htmlFor="user-nip">{t("users.nip")}</label>
          <input {...field("nip")} inputMode="numeric" autoComplete="off" aria-describedby="user-nip-help" />
          <span id="user-nip-help" className="muted small">
            {t("users.nipHelp")}
          </span>
          {fieldError("nip")}
        </div>
        <div className="field">
          <label htmlFor="user-email">{t("users.email")}</label>
          <input {...field("email")} type="email" autoComplete="off" />
          {fieldError("email")}
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {t("users.create")}
        </button>
      </form>
    </>
  );
}
