import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { BulkAccounts } from "@/features/admin/components/BulkAccounts";
import { UsersAdmin } from "@/features/admin/components/UsersAdmin";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import { getQueryClient, trpc } from "@/trpc/server";
import { pageTitle } from "@/i18n/server";

export const generateMetadata = pageTitle("title.users");

export default async function UsersPage() {
  const session = await requireRole(rolesFor("/admin/pengguna"), "/admin/pengguna");
  const { t } = await getTranslator();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.users.list.queryOptions({ limit: 50, offset: 0 })),
    queryClient.prefetchQuery(trpc.units.list.queryOptions()),
  ]);
  return (
    <div className="page">
      <h1>{t("users.title")}</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <BulkAccounts />
        <UsersAdmin actorRole={session.user.role} />
      </HydrationBoundary>
    </div>
  );
}
