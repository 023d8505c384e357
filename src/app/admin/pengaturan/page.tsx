import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";

// Placeholder while this page is built (issue 14).
export default async function SettingsPage() {
  await requireRole(rolesFor("/admin/pengaturan"), "/admin/pengaturan");
  const { t } = await getTranslator();
  return (
    <div className="page">
      <h1>{t("nav.settings")}</h1>
    </div>
  );
}
