"use client";
// What respondents wrote in the dashboard's period and scope: suggestions and complaints, newest first.
// Complaints are marked with their follow-up state; HR moves that state (and sees the contact to reach
// the respondent).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/i18n/client";
import { formatDateTime } from "@/i18n/format";
import { useTRPC } from "@/trpc/react";
import type { DashboardFilter } from "../../dashboard/filter";

const STATES = ["OPEN", "IN_PROGRESS", "RESOLVED"] as const;

export function FeedbackList({
  filter,
  unitName,
  serviceName,
}: {
  filter: DashboardFilter;
  unitName: Record<string, string>;
  serviceName: Record<string, string>;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [only, setOnly] = useState<"all" | "complaints" | "open">("all");
  const [page, setPage] = useState(0);
  const query = useQuery(trpc.survey.feedback.queryOptions({ ...filter, only, page }));
  const follow = useMutation(
    trpc.survey.setFollowUp.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.survey.feedback.queryKey() }),
    }),
  );
  const data = query.data;
  return (
    <section className="card wide-card" aria-labelledby="feedback" data-testid="feedback">
      <div className="card-head">
        <h2 id="feedback">{t("feedback.title")}</h2>
        <label className="inline-label">
          {t("feedback.show")}{" "}
          <select
            value={only}
            onChange={(e) => {
              setOnly(e.target.value as typeof only);
              setPage(0);
            }}
          >
            <option value="all">{t("feedback.all")}</option>
            <option value="complaints">{t("feedback.complaints")}</option>
            <option value="open">{t("feedback.open")}</option>
          </select>
        </label>
      </div>
      {query.isError && (
        <p className="alert error" role="alert">
          {t("dashboard.error")}
        </p>
      )}
      {data && data.rows.length === 0 && <p className="muted">{t("feedback.none")}</p>}
      {data && data.rows.length > 0 && (
        <>
          <p className="muted">{t("feedback.count", { n: data.total })}</p>
          <ul className="feedback-list">
            {data.rows.map((r) => (
              <li key={r.id} className={r.isComplaint ? "complaint" : undefined}>
                <p className="muted small">
                  {formatDateTime(r.createdAt, locale)} · {unitName[r.unitId] ?? r.unitId}
                  {r.serviceTypeId ? ` · ${serviceName[r.serviceTypeId] ?? ""}` : ""}
                  {r.isComplaint && (
                    <>
                      {" · "}
                      <b>{t("feedback.complaint")}</b> ({t(`feedback.state.${r.followUp}` as Parameters<typeof t>[0])})
                    </>
                  )}
                </p>
                <p>{r.suggestion}</p>
                {data.canFollowUp && r.contact && (
                  <p className="small">
                    {t("feedback.contact")}: {r.contact}
                  </p>
                )}
                {data.canFollowUp && r.isComplaint && (
                  <label className="inline-label small">
                    {t("feedback.followUp")}{" "}
                    <select
                      value={r.followUp === "NONE" ? "OPEN" : r.followUp}
                      disabled={follow.isPending}
                      onChange={(e) => follow.mutate({ id: r.id, state: e.target.value as (typeof STATES)[number] })}
                    >
                      {STATES.map((s) => (
                        <option key={s} value={s}>
                          {t(`feedback.state.${s}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </li>
            ))}
          </ul>
          <div className="pager">
            <button
              className="button small secondary"
              type="button"
              disabled={page === 0}
              onClick={() => setPage(page - 1)}
            >
              {t("feedback.newer")}
            </button>
            <button
              className="button small secondary"
              type="button"
              disabled={(page + 1) * data.pageSize >= data.total}
              onClick={() => setPage(page + 1)}
            >
              {t("feedback.older")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
