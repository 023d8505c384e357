"use client";
// Attendance and e-Kinerja exports uploaded from the browser: drop or choose several files, each sent
// as it is (streamed to the server's data folder) with its own progress bar, then followed until the
// ETL has read it and its import report is there.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { formatDateTime, formatNumber } from "@/i18n/format";
import { useI18n } from "@/i18n/client";
import { useTRPC } from "@/trpc/react";

type Sending = { key: string; name: string; size: number; sent: number; error?: string; done?: boolean };

const ACCEPT = /\.(csv|txt|xlsx)$/i;

export function UploadExports({ maxMb }: { maxMb: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sending, setSending] = useState<Sending[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const busy = sending.some((s) => !s.done && !s.error);
  const uploads = useQuery({
    ...trpc.imports.uploads.queryOptions({ limit: 10 }),
    // followed while a file is on its way in or waiting for the ETL
    refetchInterval: (q) => (busy || q.state.data?.some((u) => u.status === "RECEIVED") ? 1500 : false),
  });
  const patch = (key: string, p: Partial<Sending>) =>
    setSending((all) => all.map((s) => (s.key === key ? { ...s, ...p } : s)));

  function send(file: File) {
    const key = `${file.name}-${file.size}-${Math.random()}`;
    const entry: Sending = { key, name: file.name, size: file.size, sent: 0 };
    if (!ACCEPT.test(file.name)) entry.error = t("upload.error.type");
    else if (file.size === 0) entry.error = t("upload.error.empty");
    else if (file.size > maxMb * 1024 * 1024) entry.error = t("upload.error.size", { mb: maxMb });
    setSending((all) => [entry, ...all]);
    if (entry.error) return;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/impor?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => patch(key, { sent: e.loaded });
    xhr.onload = () => {
      let code = "";
      try {
        code = (JSON.parse(xhr.responseText) as { error?: string }).error ?? "";
      } catch {
        code = "";
      }
      if (xhr.status === 202) patch(key, { sent: file.size, done: true });
      else
        patch(key, {
          error: t(
            `upload.error.${["size", "type", "empty", "region", "auth", "forbidden"].includes(code) ? code : "failed"}` as "upload.error.failed",
            { mb: maxMb },
          ),
        });
      void queryClient.invalidateQueries({ queryKey: trpc.imports.uploads.queryKey() });
    };
    xhr.onerror = () => patch(key, { error: t("upload.error.network") });
    xhr.send(file);
  }

  const sendAll = (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) send(f);
    if (input.current) input.current.value = "";
  };

  return (
    <section className="card" aria-labelledby="upload-exports-title">
      <h2 id="upload-exports-title">{t("upload.title")}</h2>
      <p className="muted small">{t("upload.lead", { mb: maxMb })}</p>
      <div
        className={`dropzone${over ? " over" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          sendAll(e.dataTransfer.files);
        }}
      >
        <label>
          <span>{t("upload.choose")}</span>
          <input
            ref={input}
            type="file"
            multiple
            accept=".csv,.txt,.xlsx"
            onChange={(e) => sendAll(e.currentTarget.files)}
            data-testid="upload-exports"
          />
        </label>
        <span className="muted small">{t("upload.drop")}</span>
      </div>
      <ul className="plain upload-list" aria-live="polite">
        {sending
          .filter((s) => !s.done || s.error)
          .map((s) => (
            <li key={s.key}>
              <strong>{s.name}</strong>{" "}
              {s.error ? (
                <span className="field-error" role="alert">
                  {s.error}
                </span>
              ) : (
                <>
                  <progress max={s.size} value={s.sent} aria-label={t("upload.sending", { name: s.name })} />{" "}
                  <span className="muted small">
                    {formatNumber(Math.floor((s.sent / Math.max(1, s.size)) * 100), locale)}%
                  </span>
                </>
              )}
            </li>
          ))}
      </ul>
      {uploads.data && uploads.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="muted small">{t("upload.recent")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("data.col.file")}</th>
                <th scope="col">{t("upload.col.when")}</th>
                <th scope="col">{t("data.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {uploads.data.map((u) => (
                <tr key={u.id} data-testid="upload-row">
                  <td>
                    {u.fileName}{" "}
                    <span className="muted small">
                      (
                      {u.bytes < 1024 * 1024
                        ? `${formatNumber(Math.ceil(u.bytes / 1024), locale)} KB`
                        : `${formatNumber(u.bytes / 1024 / 1024, locale, { maximumFractionDigits: 1 })} MB`}
                      )
                    </span>
                  </td>
                  <td>{formatDateTime(u.createdAt, locale)}</td>
                  <td>
                    {u.status === "RECEIVED" && (
                      <span role="status">
                        <progress aria-label={t("upload.loading")} /> {t("upload.loading")}
                      </span>
                    )}
                    {u.status === "REFUSED" && (
                      <>
                        <span className="field-error">
                          {t("upload.refused", { reason: (locale === "en" ? u.errorEn : u.errorId) ?? "" })}
                        </span>{" "}
                        {u.mappable && <Link href={`/data/unggah/${u.id}`}>{t("upload.map.label")}</Link>}
                      </>
                    )}
                    {u.status === "IMPORTED" && u.batch && (
                      <span>
                        {t("upload.report", {
                          read: formatNumber(u.batch.rowsRead, locale),
                          loaded: formatNumber(u.batch.rowsLoaded, locale),
                          duplicate: formatNumber(u.batch.rowsDuplicate, locale),
                        })}{" "}
                        {u.batch.rowsQuarantined > 0 ? (
                          <Link href={`/data/berkas/${u.batch.id}`}>
                            {t("data.quarantine.view", { n: u.batch.rowsQuarantined })}
                          </Link>
                        ) : (
                          t("upload.noQuarantine")
                        )}
                        {u.batch.status === "FAILED" && <span className="field-error block">{u.batch.loadError}</span>}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
