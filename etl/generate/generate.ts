// The deterministic demo and benchmark data generator. From a seed it plans a region's employees,
// their leave, attendance, e-Kinerja entries and service requests over [start, end] (model.ts), then writes a
// range [from, to] of it: relational rows, the system of record (relational.ts), and source files, the exports
// from the attendance machines and e-Kinerja (exports.ts). Writing [start, d] and then [d+1, e] gives the same
// data as writing [start, e] at once (except e-Kinerja entries submitted late after the first export, which a
// real export also only shows later). The returned truth is what the analytics must report.
import type { Db } from "@/server/db/client";
import { writeExports } from "./exports";
import { makeGenerator, type GenerateConfig, type Truth } from "./model";
import { requestRows, writeRegion, writeRequestRows } from "./relational";

/** Plans and writes [from, to]; returns the truth for what it wrote. */
export async function generate(
  db: Db | null,
  cfg: GenerateConfig,
  log: (s: string) => void = () => {},
): Promise<Truth> {
  const g = makeGenerator(cfg);
  const { emps } = g;
  const truth: Truth = {
    employees: emps.length,
    attendance: { rows: 0, byStatus: {}, lateMinutes: 0, tkByUnit: {}, byMonth: {} },
    ekinerja: { rows: 0, byKindState: {}, byMonth: {} },
    survey: { responses: 0 },
    requests: {
      submitted: 0,
      events: 0,
      completed: 0,
      rejected: 0,
      open: 0,
      breached: 0,
      returned: 0,
      processingByService: {},
    },
    written: { requests: 0, updatedRequests: 0, events: 0, files: [] },
  };

  const writes = db && cfg.relational !== false ? db : null;
  const ids = writes ? await writeRegion(writes, cfg, g, log) : { regionId: "", unitIds: [], serviceIds: [] };
  const rows = requestRows(cfg, g, ids, truth);
  if (writes) await writeRequestRows(writes, rows, log);
  truth.written.requests = rows.newRequests.length;
  truth.written.updatedRequests = rows.updates.length;
  truth.written.events = rows.newEvents.length;
  writeExports(cfg, g, truth);
  return truth;
}
