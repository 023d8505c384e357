// HR and administrators watch the data coming in: ETL runs, imported files and their quarantined rows.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { env } from "@/env";
import { recordAudit } from "@/server/audit";
import { backupRoot, listBackups } from "@/server/backup";
import { createTRPCRouter, orNotFound, roleProcedure } from "@/server/api/trpc";
import { masterOverview, masterPreview } from "./master";
import { uploadMappingView } from "./upload-mapping";

const hr = roleProcedure("ADMIN", "HR");

export const importsRouter = createTRPCRouter({
  /** The master-data page: the region and the latest unit and employee imports. */
  masterImports: hr.query(({ ctx }) => masterOverview(ctx.db)),

  /** One master import's preview: its column mapping and what applying it would change. */
  masterPreview: hr
    .input(
      z.object({
        id: z.number().int().positive(),
        asOf: z.string().max(10).optional(),
        complete: z.boolean().default(false),
        remap: z.boolean().default(false),
      }),
    )
    .query(({ ctx, input }) => masterPreview(ctx.db, input.id, input)),

  /** A refused export upload, for mapping its columns; null when there is none to map. */
  uploadMapping: hr
    .input(z.object({ id: z.string().max(64), kind: z.string().max(16).optional() }))
    .query(({ ctx, input }) => uploadMappingView(ctx.db, input.id, input.kind)),

  /** The data folder's backups (administrators). */
  backups: roleProcedure("ADMIN").query(() => {
    const e = env();
    const root = backupRoot(e);
    return {
      root,
      everyHours: e.BACKUP_INTERVAL_HOURS,
      keep: e.BACKUP_KEEP,
      backups: listBackups(root, { sizes: true })
        .slice(0, 10)
        .map((b) => ({ name: b.name, createdAt: b.createdAt, bytes: b.bytes })),
    };
  }),

  /** Exports uploaded on the page, newest first, with the import report of each once the ETL has read it. */
  uploads: hr
    .input(z.object({ limit: z.number().int().min(1).max(50).default(10) }).default({ limit: 10 }))
    .query(async ({ ctx, input }) => {
      const uploads = await ctx.db.sourceUpload.findMany({ orderBy: { createdAt: "desc" }, take: input.limit });
      const batches = await ctx.db.importBatch.findMany({
        where: { id: { in: uploads.flatMap((u) => (u.batchId ? [u.batchId] : [])) } },
        select: {
          id: true,
          kind: true,
          status: true,
          rowsRead: true,
          rowsValid: true,
          rowsLoaded: true,
          rowsQuarantined: true,
          rowsDuplicate: true,
          loadError: true,
        },
      });
      const byId = new Map(batches.map((b) => [b.id, b]));
      return uploads.map((u) => ({
        id: u.id,
        fileName: u.fileName,
        bytes: Number(u.bytes),
        status: u.status,
        createdAt: u.createdAt,
        errorId: u.errorId,
        errorEn: u.errorEn,
        batch: u.batchId ? (byId.get(u.batchId) ?? null) : null,
        // a refused file is kept until its columns are mapped
        mappable: u.status === "REFUSED" && existsSync(path.join(env().dataDir, u.storedPath)),
      }));
    }),

  runs: hr
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }))
    .query(({ ctx, input }) => ctx.db.etlRun.findMany({ orderBy: { id: "desc" }, take: input.limit })),

  batches: hr
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }))
    .query(({ ctx, input }) =>
      ctx.db.importBatch.findMany({
        orderBy: { id: "desc" },
        take: input.limit,
        select: {
          id: true,
          kind: true,
          fileName: true,
          status: true,
          rowsRead: true,
          rowsValid: true,
          rowsLoaded: true,
          rowsQuarantined: true,
          rowsDuplicate: true,
          createdAt: true,
          loadedAt: true,
          loadError: true,
        },
      }),
    ),

  /** Quarantined rows hold NIPs: reading them is a logged action. */
  quarantine: hr
    .input(z.object({ batchId: z.number().int().positive(), page: z.number().int().min(0).default(0) }))
    .query(async ({ ctx, input }) => {
      const batch = orNotFound(await ctx.db.importBatch.findUnique({ where: { id: input.batchId } }));
      const pageSize = 100;
      const rows = await ctx.db.quarantinedRow.findMany({
        where: { batchId: batch.id },
        orderBy: { line: "asc" },
        skip: input.page * pageSize,
        take: pageSize,
        select: { line: true, field: true, raw: true, reasonId: true, reasonEn: true },
      });
      await recordAudit(ctx.db, ctx.actor, {
        action: "import.quarantine.read",
        entity: "ImportBatch",
        entityId: String(batch.id),
        after: { page: input.page },
      });
      return { batch, rows, pageSize };
    }),
});
