// Drafting, reviewing and publishing transparency reports. A draft is computed once from ClickHouse
// (the snapshot); publishing freezes it (the database refuses to change a published row); a correction
// is a new draft of the same period that must say what changed, published as the next version.
import type { Role } from "@/generated/prisma/enums";
import { recordAudit, type Actor } from "@/server/audit";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import { parseReportPeriod } from "../period";
import { reportData, type ReportData } from "../schemas";
import { buildSnapshot } from "./snapshot";

export interface ReportUser extends Actor {
  role: Role;
}

export type DraftResult =
  | { ok: true; id: string; version: number }
  | {
      ok: false;
      error:
        | "reports.error.period"
        | "reports.error.future"
        | "reports.error.unfinished"
        | "reports.error.note"
        | "reports.error.forbidden"
        | "reports.error.busy";
    };

const mayPublish = (u: ReportUser) => u.role === "HR" || u.role === "ADMIN";

/** When the analytics data was taken: the end of the last successful ETL run. */
async function dataAsOf(db: Db): Promise<Date> {
  const run = await db.etlRun.findFirst({
    where: { status: "SUCCEEDED" },
    orderBy: { finishedAt: "desc" },
    select: { finishedAt: true },
  });
  return run?.finishedAt ?? new Date();
}

/** Makes (or remakes) the draft of a period; a period already published needs a note saying what the correction changes. */
export async function createDraft(
  db: Db,
  ch: ClickHouse,
  user: ReportUser,
  regionId: string,
  periodSlug: string,
  note: string,
  today: string,
): Promise<DraftResult> {
  if (!mayPublish(user)) return { ok: false, error: "reports.error.forbidden" };
  const period = parseReportPeriod(periodSlug);
  if (!period) return { ok: false, error: "reports.error.period" };
  if (period.from > today) return { ok: false, error: "reports.error.future" };
  // a published report is frozen: only a period that has ended can be one
  if (period.to >= today) return { ok: false, error: "reports.error.unfinished" };
  const published = await db.publicReport.findFirst({
    where: { regionId, period: period.slug, status: "PUBLISHED" },
    orderBy: { version: "desc" },
  });
  const changeNote = note.trim();
  if (published && !changeNote) return { ok: false, error: "reports.error.note" };
  if (changeNote.length > 2000) return { ok: false, error: "reports.error.note" };
  const data = await buildSnapshot(db, ch, regionId, period, await dataAsOf(db));
  try {
    return await saveDraft(db, user, regionId, period, published?.version ?? 0, data, changeNote);
  } catch (e) {
    // two drafts of the same period at once: the other one won
    if (typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002")
      return { ok: false, error: "reports.error.busy" };
    throw e;
  }
}

async function saveDraft(
  db: Db,
  user: ReportUser,
  regionId: string,
  period: NonNullable<ReturnType<typeof parseReportPeriod>>,
  publishedVersion: number,
  data: ReportData,
  changeNote: string,
): Promise<DraftResult> {
  return db.$transaction(async (tx) => {
    await tx.publicReport.deleteMany({ where: { regionId, period: period.slug, status: "DRAFT" } });
    const version = publishedVersion + 1;
    const row = await tx.publicReport.create({
      data: {
        regionId,
        period: period.slug,
        periodFrom: new Date(period.from),
        periodTo: new Date(period.to),
        version,
        status: "DRAFT",
        data: data as never,
        dataAsOf: new Date(data.dataAsOf),
        changeNote: changeNote || null,
        createdById: user.id,
        createdByName: user.name,
      },
    });
    await recordAudit(tx, user, {
      action: "report.draft",
      entity: "PublicReport",
      entityId: row.id,
      after: { period: period.slug, version },
    });
    return { ok: true as const, id: row.id, version };
  });
}

export type PublishResult = { ok: true } | { ok: false; error: "reports.error.notDraft" | "reports.error.forbidden" };

export async function publishReport(db: Db, user: ReportUser, id: string): Promise<PublishResult> {
  if (!mayPublish(user)) return { ok: false, error: "reports.error.forbidden" };
  return db.$transaction(async (tx) => {
    const moved = await tx.publicReport.updateMany({
      where: { id, status: "DRAFT" },
      data: { status: "PUBLISHED", publishedAt: new Date(), publishedByName: user.name },
    });
    if (moved.count === 0) return { ok: false as const, error: "reports.error.notDraft" as const };
    await recordAudit(tx, user, { action: "report.publish", entity: "PublicReport", entityId: id });
    return { ok: true as const };
  });
}

export async function discardDraft(db: Db, user: ReportUser, id: string): Promise<void> {
  if (!mayPublish(user)) return;
  await db.$transaction(async (tx) => {
    const gone = await tx.publicReport.deleteMany({ where: { id, status: "DRAFT" } });
    if (gone.count) await recordAudit(tx, user, { action: "report.discard", entity: "PublicReport", entityId: id });
  });
}

export interface PublishedReport {
  id: string;
  regionCode: string;
  period: string;
  version: number;
  publishedAt: Date;
  dataAsOf: Date;
  changeNote: string | null;
  data: ReportData;
  versions: { version: number; publishedAt: Date; changeNote: string | null }[];
}

/** A published report by region code and period: the latest version, or the one asked for. */
export async function findPublished(
  db: Db,
  regionCode: string,
  periodSlug: string,
  version?: number,
): Promise<PublishedReport | null> {
  const region = await db.region.findFirst({
    where: { code: { equals: regionCode, mode: "insensitive" } },
    select: { id: true, code: true },
  });
  const period = parseReportPeriod(periodSlug);
  if (!region || !period) return null;
  const versions = await db.publicReport.findMany({
    where: { regionId: region.id, period: period.slug, status: "PUBLISHED" },
    orderBy: { version: "desc" },
  });
  const row = version ? versions.find((v) => v.version === version) : versions[0];
  if (!row) return null;
  const data = reportData.safeParse(row.data);
  if (!data.success) return null;
  return {
    id: row.id,
    regionCode: region.code.toLowerCase(),
    period: row.period,
    version: row.version,
    publishedAt: row.publishedAt!,
    dataAsOf: row.dataAsOf,
    changeNote: row.changeNote,
    data: data.data,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt!, changeNote: v.changeNote })),
  };
}

/** The index: every region's published periods, latest version each, newest period first. */
export async function publishedIndex(db: Db) {
  const rows = (
    await db.publicReport.findMany({
      where: { status: "PUBLISHED" },
      orderBy: [{ periodFrom: "desc" }, { version: "desc" }],
      select: {
        regionId: true,
        period: true,
        periodFrom: true,
        periodTo: true,
        version: true,
        publishedAt: true,
        data: true,
      },
    })
  ).filter((r) => reportData.safeParse(r.data).success); // the same check the report page makes
  const regions = new Map(
    (await db.region.findMany({ select: { id: true, code: true, name: true } })).map((r) => [r.id, r]),
  );
  const seen = new Set<string>();
  const out: {
    regionCode: string;
    regionName: string;
    period: string;
    from: Date;
    to: Date;
    version: number;
    publishedAt: Date;
  }[] = [];
  for (const r of rows) {
    const key = `${r.regionId}/${r.period}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const region = regions.get(r.regionId);
    if (region)
      out.push({
        regionCode: region.code.toLowerCase(),
        regionName: region.name,
        period: r.period,
        from: r.periodFrom,
        to: r.periodTo,
        version: r.version,
        publishedAt: r.publishedAt!,
      });
  }
  return out;
}

/** HR's list: every version of every period, newest period first, with its region's code for the public link. */
export async function reportVersions(db: Db) {
  const [rows, regions] = await Promise.all([
    db.publicReport.findMany({
      orderBy: [{ periodFrom: "desc" }, { version: "desc" }],
      select: {
        id: true,
        regionId: true,
        period: true,
        version: true,
        status: true,
        createdAt: true,
        createdByName: true,
        publishedByName: true,
        publishedAt: true,
        changeNote: true,
      },
    }),
    db.region.findMany({ select: { id: true, code: true } }),
  ]);
  const code = new Map(regions.map((r) => [r.id, r.code.toLowerCase()]));
  return rows.map((r) => ({ ...r, regionCode: code.get(r.regionId) ?? "" }));
}

/** One report (draft or published) with its figures, for HR's preview; null when unknown or unreadable. */
export async function reportById(db: Db, id: string) {
  const row = await db.publicReport.findUnique({ where: { id } });
  if (!row) return null;
  const parsed = reportData.safeParse(row.data);
  return parsed.success ? { row, data: parsed.data } : null;
}
