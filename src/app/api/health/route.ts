import { getSession } from "@/server/auth";
import { checkHealth } from "@/server/health";

export const dynamic = "force-dynamic";

/**
 * 200 when both stores answer, 503 otherwise. The public (load balancers, monitors) learns only that;
 * which store, where it lives and what it said are for a signed-in administrator.
 */
export async function GET() {
  const health = await checkHealth();
  const status = health.status === "ok" ? 200 : 503;
  const session = await getSession().catch(() => null);
  if (session?.user.role === "ADMIN")
    return Response.json(health, { status, headers: { "cache-control": "no-store" } });
  if (health.status !== "ok") console.error("[health]", JSON.stringify(health));
  return Response.json({ status: health.status }, { status, headers: { "cache-control": "no-store" } });
}
