import type { Metadata } from "next";
import Link from "next/link";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { serverCaller } from "@/trpc/server";

export const metadata: Metadata = { title: "Dasbor" };

export default async function DashboardPage() {
  const session = await requireRole(rolesFor("/dashboard"), "/dashboard");
  const [{ t }, api] = await Promise.all([getTranslator(), serverCaller()]);
  const units = await api.units.list();
  const own = session.user.role === "UNIT_HEAD" ? units.find((u) => u.id === session.user.unitId) : undefined;
  return (
    <div className="page">
      <h1>{t("dashboard.title")}</h1>
      <p className="muted">{own ? t("dashboard.scopeUnit", { unit: own.name }) : t("dashboard.scopeRegion")}</p>
      <section className="empty-state" aria-labelledby="empty-title">
        <h2 id="empty-title">{t("dashboard.empty.title")}</h2>
        <p>{t("dashboard.empty.body")}</p>
      </section>
      <section aria-labelledby="units-title">
        <h2 id="units-title">{t("dashboard.units")}</h2>
        <ul className="unit-list" data-testid="unit-list">
          {units.map((u) => (
            <li key={u.id}>
              <span className="code">{u.code}</span> {u.name}
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link href="/api/health">{t("dashboard.stores")}</Link>
      </p>
    </div>
  );
}
