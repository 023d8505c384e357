import { formatDateTime } from "@/i18n/format";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { serverCaller } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.audit");

export default async function AuditPage() {
  await requireRole(rolesFor("/admin/audit"), "/admin/audit");
  const [{ t, locale }, api] = await Promise.all([getTranslator(), serverCaller()]);
  const rows = await api.audit.list({ limit: 100 });
  return (
    <div className="page">
      <h1>{t("audit.title")}</h1>
      {rows.length === 0 ? (
        <p className="muted">{t("audit.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
                <th scope="col">{t("audit.client")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id.toString()}>
                  <td>{formatDateTime(r.at, locale)}</td>
                  <td>{r.actorName ?? "—"}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>{r.entity}</td>
                  <td>{r.clientKey ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
