// A request's document, for those who may see the request (its employee, BKPSDM, the supervisor).
// Someone other than the employee reading it is logged.
import { isHealthPrivate } from "@/features/requests/server/leave";
import { partiesOf } from "@/features/requests/server/requests";
import { requestDeps } from "@/features/requests/server/deps";
import { recordAudit } from "@/server/audit";
import { getSession } from "@/server/auth";
import { clientKeyFrom } from "@/server/auth/authenticate";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (!session?.user) return new Response("Silakan masuk / please sign in", { status: 401 });
  const { id } = await params;
  const { db, store } = await requestDeps("");
  const doc = await db.requestDocument.findUnique({
    where: { id },
    include: { request: { select: { employeeId: true, unitId: true, leaveKind: true } } },
  });
  const u = session.user;
  const user = { id: u.id, name: u.name, role: u.role, unitId: u.unitId, clientKey: clientKeyFrom(req.headers) };
  const parties = doc ? await partiesOf(db, user, doc.request) : new Set<string>();
  if (!doc || parties.size === 0 || isHealthPrivate(doc.request.leaveKind, parties))
    return new Response("Dokumen tidak ditemukan / document not found", { status: 404 });
  const bytes = await store.get(doc.storageKey);
  if (!bytes) return new Response("Berkas tidak ada di penyimpanan / file missing from storage", { status: 410 });
  if (!parties.has("owner"))
    await recordAudit(db, user, { action: "document.read", entity: "RequestDocument", entityId: doc.id });
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": doc.contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
