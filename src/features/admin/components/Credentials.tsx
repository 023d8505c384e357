"use client";
// The one-time passwords, from the answer that made them: on screen as a table, on paper as one slip
// per person to cut out, and as a CSV built in the browser from the same answer. Nothing is fetched
// again: once the list is closed (or the page left) the passwords are gone.
import { useEffect, useRef } from "react";
import { csvOf, downloadCsv } from "@/lib/csv";
import { useI18n } from "@/i18n/client";
import "./accounts.css";

export interface Credential {
  username: string;
  password: string;
  name: string;
  nip: string;
  role: "UNIT_HEAD" | "EMPLOYEE";
  unitName: string;
}

export function Credentials({ created, onDone }: { created: Credential[]; onDone: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // leaving the page loses the list for good: the browser asks first
  useEffect(() => {
    const hold = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", hold);
    return () => window.removeEventListener("beforeunload", hold);
  }, []);
  const loginUrl = `${window.location.origin}/masuk`;

  function csv() {
    const rows = created.map((c) => [{ excelText: c.username }, c.password, c.name, t(`role.${c.role}`), c.unitName]);
    const header = [
      t("accounts.result.col.username"),
      t("accounts.result.col.password"),
      t("accounts.result.col.name"),
      t("accounts.result.col.role"),
      t("accounts.result.col.unit"),
    ];
    downloadCsv(
      `${t("accounts.result.csvName")}-${new Date().toISOString().slice(0, 10)}.csv`,
      csvOf([header, ...rows]),
    );
  }

  return (
    <section className="credentials" aria-labelledby="credentials-title">
      <h2 id="credentials-title" ref={heading} tabIndex={-1}>
        {t("accounts.result.title")}
      </h2>
      <p className="alert ok" role="status">
        {t("accounts.result.created", { n: created.length })}
      </p>
      <p className="alert warning">{t("accounts.result.warning")}</p>
      <div className="credential-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t("accounts.result.print")}
        </button>
        <button type="button" className="button secondary" onClick={csv}>
          {t("accounts.result.csv")}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => window.confirm(t("accounts.result.doneConfirm")) && onDone()}
        >
          {t("accounts.result.done")}
        </button>
      </div>
      <div className="table-wrap">
        <table className="credential-table">
          <thead>
            <tr>
              <th scope="col">{t("accounts.result.col.username")}</th>
              <th scope="col">{t("accounts.result.col.password")}</th>
              <th scope="col">{t("accounts.result.col.name")}</th>
              <th scope="col">{t("accounts.result.col.role")}</th>
              <th scope="col">{t("accounts.result.col.unit")}</th>
            </tr>
          </thead>
          <tbody>
            {created.map((c) => (
              <tr key={c.username}>
                <td className="code">{c.username}</td>
                <td className="code secret">{c.password}</td>
                <td>{c.name}</td>
                <td>{t(`role.${c.role}`)}</td>
                <td>{c.unitName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="credential-slips print-only" aria-hidden="true">
        {created.map((c) => (
          <li key={c.username} className="slip">
            <strong>{c.name}</strong>
            <span>{c.unitName}</span>
            <span>
              {t("accounts.result.col.username")}: <span className="code">{c.username}</span>
            </span>
            <span>
              {t("accounts.result.col.password")}: <span className="code secret">{c.password}</span>
            </span>
            <small>{t("accounts.result.printNote", { url: loginUrl })}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
