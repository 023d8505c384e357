// An attendance or e-Kinerja export from the Impor data page (HR, ADMIN): the request body is the file,
// streamed to the data folder; the ETL then imports it and the page follows the upload's state.
import { env } from "@/env";
import { rolesFor } from "@/lib/navigation";
import { recordAudit } from "@/server/audit";
import { getSession } from "@/server/auth";
import { actorOf } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { cleanFileName, receiveUpload, UploadTooLargeError } from "@/server/uploads";
import { installationRegion } from "@/server/region";

export const dynamic = "force-dynamic";

/** The host of an Origin header ("null" from a sandboxed page or a file has none). */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function POST(req: Request) {
  const session = await getSession();
  if (!session?.user) return json(401, { error: "auth" });
  if (!rolesFor("/data").includes(session.user.role)) return json(403, { error: "forbidden" });
  // Only this site's own page may post here (the session cookie would ride along on a cross-site post).
  const origin = req.headers.get("origin");
  if (origin && hostOf(origin) !== req.headers.get("host")) return json(403, { error: "origin" });
  if (!req.body) return json(400, { error: "empty" });
  const e = env();
  const max = e.IMPORT_MAX_MB * 1024 * 1024;
  if (Number(req.headers.get("content-length") ?? 0) > max) return json(413, { error: "size", maxMb: e.IMPORT_MAX_MB });
  const fileName = cleanFileName(new URL(req.url).searchParams.get("name") ?? "");
  if (!/\.(csv|txt|xlsx)$/i.test(fileName)) return json(400, { error: "type" });
  const db = await getDb();
  const region = await installationRegion(db);
  if (!region) return json(409, { error: "region" });
  const actor = await actorOf(session);
  let upload;
  try {
    upload = await receiveUpload(db, e.dataDir, req.body, {
      fileName,
      regionId: region.id,
      uploadedById: actor.id,
      maxBytes: max,
    });
  } catch (err) {
    if (err instanceof UploadTooLargeError) return json(413, { error: "size", maxMb: e.IMPORT_MAX_MB });
    return json(400, { error: "interrupted" }); // the browser stopped sending: nothing was kept
  }
  if (!upload) return json(400, { error: "empty" });
  await recordAudit(db, actor, {
    action: "import.upload",
    entity: "SourceUpload",
    entityId: upload.id,
    after: { fileName, bytes: Number(upload.bytes), sha256: upload.sha256 },
  });
  const { loadUploadsSoon } = await import("@/server/etl-schedule");
  loadUploadsSoon();
  return json(202, { id: upload.id });
}
