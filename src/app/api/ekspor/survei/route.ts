// Raw survey responses for HR and administrators, as CSV for Indonesian-locale Excel. Never the
// respondent's contact. Every export is an audited read.
import { csvOf } from "@/lib/csv";
import { recordAudit } from "@/server/audit";
import { getSession } from "@/server/auth";
import { getDb } from "@/server/db";
import { actorOf } from "@/server/auth/actor";

export const dynamic = "force-dynamic";

export async function GET() {
  const session = await getSession();
  if (!session?.user) return new Response("Unauthorized", { status: 401 });
  if (session.user.role !== "ADMIN" && session.user.role !== "HR") return new Response("Forbidden", { status: 403 });
  const db = await getDb();
  const [rows, units, services, points] = await Promise.all([
    db.surveyResponse.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        createdAt: true,
        channel: true,
        unitId: true,
        serviceTypeId: true,
        servicePointId: true,
        ageGroup: true,
        gender: true,
        education: true,
        occupation: true,
        u1: true,
        u2: true,
        u3: true,
        u4: true,
        u5: true,
        u6: true,
        u7: true,
        u8: true,
        u9: true,
        suggestion: true,
        isComplaint: true,
        followUp: true,
      },
    }),
    db.unit.findMany({ select: { id: true, name: true } }),
    db.serviceType.findMany({ select: { id: true, nameId: true } }),
    db.servicePoint.findMany({ select: { id: true, code: true } }),
  ]);
  await recordAudit(db, await actorOf(session), {
    action: "survey.export",
    entity: "SurveyResponse",
    entityId: "*",
    after: { rows: rows.length },
  });
  const unit = new Map(units.map((u) => [u.id, u.name]));
  const service = new Map(services.map((s) => [s.id, s.nameId]));
  const point = new Map(points.map((p) => [p.id, p.code]));
  const header = [
    "id",
    "waktu",
    "saluran",
    "unit",
    "layanan",
    "titik_layanan",
    "usia",
    "jenis_kelamin",
    "pendidikan",
    "pekerjaan",
    "u1",
    "u2",
    "u3",
    "u4",
    "u5",
    "u6",
    "u7",
    "u8",
    "u9",
    "saran",
    "pengaduan",
    "tindak_lanjut",
  ];
  const body = rows.map((r) => [
    r.id,
    r.createdAt.toISOString(),
    r.channel,
    unit.get(r.unitId) ?? r.unitId,
    r.serviceTypeId ? (service.get(r.serviceTypeId) ?? r.serviceTypeId) : "",
    r.servicePointId ? (point.get(r.servicePointId) ?? "") : "",
    r.ageGroup,
    r.gender,
    r.education,
    r.occupation,
    r.u1,
    r.u2,
    r.u3,
    r.u4,
    r.u5,
    r.u6,
    r.u7,
    r.u8,
    r.u9,
    r.suggestion ?? "",
    r.isComplaint ? "ya" : "tidak",
    r.followUp,
  ]);
  return new Response(csvOf([header, ...body]), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pantau-survei-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
