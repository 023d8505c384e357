// Master data (units, employees) in the browser: what the pages read. The work itself is etl/master,
// shared with the command line.
import type { MasterKind } from "@/generated/prisma/enums";
import { env } from "@/env";
import type { Db } from "@/server/db/client";
import { today } from "@/server/clock";
import { isCalendarDate } from "@/lib/domain/working-days";
import { columnSamples, fieldsOf, planMaster, readMasterFile, storedBytes } from "../../../../etl/master/master";
import { SheetError } from "../../../../etl/master/sheet";
import type { Plan } from "../../../../etl/master/plan";
import { installationRegion } from "@/server/region";

export async function masterOverview(db: Db) {
  const [region, imports] = await Promise.all([
    installationRegion(db),
    db.masterImport.findMany({
      orderBy: { id: "desc" },
      take: 20,
      select: { id: true, kind: true, fileName: true, status: true, createdAt: true, appliedAt: true, summary: true },
    }),
  ]);
  return { region, imports };
}

export interface PreviewOptions {
  asOf?: string;
  complete?: boolean;
}

export type MasterPreview =
  | { state: "missing" }
  | {
      state: "closed";
      imp: { id: number; kind: MasterKind; fileName: string; status: string; appliedAt: Date | null; summary: unknown };
    }
  | { state: "error"; imp: { id: number; kind: MasterKind; fileName: string }; key: SheetError["key"] }
  | {
      state: "mapping";
      imp: { id: number; kind: MasterKind; fileName: string };
      header: string[];
      samples: string[][];
      map: Record<string, number | undefined>;
      missing: string[];
      fields: ReturnType<typeof fieldsOf>;
    }
  | {
      state: "preview";
      imp: { id: number; kind: MasterKind; fileName: string };
      headerLine: number;
      skipped: number;
      mapSource: "import" | "saved" | "auto";
      options: { asOf: string; complete: boolean };
      plan: Plan;
      unitNames: Map<string, string>;
    };

/** One import's page: its mapping step, its preview, or what applying it did. */
export async function masterPreview(
  db: Db,
  id: number,
  opts: PreviewOptions & { remap?: boolean },
): Promise<MasterPreview> {
  const imp = await db.masterImport.findUnique({ where: { id } });
  if (!imp) return { state: "missing" };
  if (imp.status !== "PREVIEW") return { state: "closed", imp };
  const region = await db.region.findUniqueOrThrow({ where: { id: imp.regionId } });
  let file;
  try {
    file = await readMasterFile(
      db,
      imp.regionId,
      imp.kind,
      storedBytes(env().dataDir, imp.storedPath),
      imp.mapping as Record<string, string> | null,
    );
  } catch (err) {
    if (err instanceof SheetError) return { state: "error", imp, key: err.key };
    throw err;
  }
  if (file.missing.length || opts.remap) {
    return {
      state: "mapping",
      imp,
      header: file.table.header,
      samples: columnSamples(file.table),
      map: file.map,
      missing: file.missing,
      fields: fieldsOf(imp.kind),
    };
  }
  const options = {
    asOf: opts.asOf && isCalendarDate(opts.asOf) ? opts.asOf : today(region.timezone),
    complete: opts.complete ?? false,
  };
  const plan = await planMaster(db, imp.regionId, imp.kind, file, options);
  const ids = new Set(plan.employees.flatMap((e) => [e.after.unitId, e.before?.unitId ?? ""]));
  const units = await db.unit.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  const unitNames = new Map([
    ...units.map((u) => [u.id, u.name] as const),
    ...plan.units.map((u) => [u.id, u.name] as const),
  ]);
  return {
    state: "preview",
    imp,
    headerLine: file.table.headerLine,
    skipped: file.table.skipped,
    mapSource: file.mapSource,
    options,
    plan,
    unitNames,
  };
}
