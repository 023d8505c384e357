"use client";
import { ResponsiveContainer } from "recharts";
import { useI18n } from "@/i18n/client";
import type { MessageKey } from "@/i18n/catalog";

/** A bucket's label, starred when the period cuts its week or month (a part, not a drop). */
export const partialLabel = (label: string, partial: boolean | undefined) => (partial ? `${label}*` : label);

/**
 * A chart with a title, an accessible name, its numbers as a table (in a disclosure) and a CSV button.
 * `partial`: some buckets are starred (partialLabel), and the card says what the star means.
 */
export function ChartCard(props: {
  id: string;
  title: string;
  description?: string;
  partial?: boolean;
  children: React.ReactElement;
  table: string[][];
  csv: () => void;
  height?: number;
}) {
  const { t } = useI18n();
  const [head, ...rows] = props.table;
  return (
    <section className="card chart-card" aria-labelledby={`chart-${props.id}`} data-testid={`chart-${props.id}`}>
      <div className="card-head">
        <h2 id={`chart-${props.id}`}>{props.title}</h2>
        <button className="button small secondary" type="button" onClick={props.csv}>
          {t("dashboard.downloadCsv")}
        </button>
      </div>
      {props.description && <p className="muted">{props.description}</p>}
      {props.partial && <p className="muted small">{t("chart.partial")}</p>}
      <div className="chart" role="img" aria-label={props.title}>
        <ResponsiveContainer width="100%" height={props.height ?? 260}>
          {props.children}
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t("dashboard.tableView")}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                {head!.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {c}
                      </th>
                    ) : (
                      <td key={j} className="num">
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** Nothing to show for this filter: say why and what to do. */
export function NoData({ body = "dashboard.noData.body" }: { body?: MessageKey }) {
  const { t } = useI18n();
  return (
    <section className="empty-state" aria-labelledby="no-data-title" data-testid="no-data">
      <h2 id="no-data-title">{t("dashboard.noData.title")}</h2>
      <p>{t(body)}</p>
    </section>
  );
}

/** A card holding a table, with its title and a CSV button. */
export function TableCard(props: {
  id: string;
  title: string;
  csv: () => void;
  description?: string;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card wide-card" aria-labelledby={props.id}>
      <div className="card-head">
        <h2 id={props.id}>{props.title}</h2>
        <button className="button small secondary" type="button" onClick={props.csv}>
          {t("dashboard.downloadCsv")}
        </button>
      </div>
      {props.description && <p className="muted">{props.description}</p>}
      {props.children}
    </section>
  );
}

/** Loading, refreshing and failure, said the same way on every dashboard page. */
export function QueryStatus({
  fetching,
  error,
  ready,
  skeleton,
}: {
  fetching: boolean;
  error: boolean;
  ready: boolean;
  skeleton?: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <div aria-live="polite" className="sr-status">
        {fetching ? t("dashboard.loading") : ""}
      </div>
      {error && !ready && (
        <p className="alert error" role="alert">
          {t("dashboard.error")}
        </p>
      )}
      {!ready && !error && (skeleton ?? <div className="chart-skeleton" aria-hidden="true" />)}
    </>
  );
}
