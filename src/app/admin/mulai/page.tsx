import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";

// Placeholder while this page is built (issue 14).
export default async function StartPage() {
  await requireRole(rolesFor("/admin/mulai"), "/admin/mulai");
  const { t } = await getTranslator();
  return (
    <div className="page">
      <h1>{t("nav.start")}</h1>
    </div>
  );
}
