// The web server runs the ETL on a schedule (ETL_INTERVAL_MINUTES; 0 = off). With the embedded stores
// this is how the ETL shares the data folder with the web server: same process, one engine. Export
// files dropped into <data folder>/inbox (by `npm run etl -- file.csv` while the server runs, or by
// hand) are imported by the next run and moved to inbox/processed (or inbox/refused).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { env } from "@/env";
import { createProgress } from "../../etl/progress";
import { EtlBusyError, runEtl } from "../../etl/run";
import {
  describeUnattended,
  importMasterUnattended,
  MASTER_OPTIONS_SUFFIX,
  masterKindOf,
} from "../../etl/master/master";
import { isCalendarDate } from "@/lib/domain/working-days";
import { today } from "./clock";
import { getClickHouse } from "./clickhouse";
import { getDb } from "./db";
import { DiskStore, objectStoreFrom } from "./storage";

const state = globalThis as unknown as {
  pantauEtlTimer?: NodeJS.Timeout;
  pantauEtlRunning?: boolean;
  pantauUploadsWaiting?: boolean;
};

export function inboxDir(dataDir: string) {
  return path.join(dataDir, "inbox");
}

export async function runScheduledEtl(trigger = "schedule"): Promise<{ runId: number; rows: number } | { busy: true }> {
  if (state.pantauEtlRunning) return { busy: true };
  state.pantauEtlRunning = true;
  const e = env();
  try {
    const inbox = inboxDir(e.dataDir);
    mkdirSync(inbox, { recursive: true });
    const files = readdirSync(inbox, { withFileTypes: true })
      .filter((f) => f.isFile() && /\.(csv|txt|xlsx)$/i.test(f.name))
      .map((f): { path: string; name?: string } => ({ path: path.join(inbox, f.name) }));
    const [db, ch] = await Promise.all([getDb(), getClickHouse()]);
    // Unit lists and employee exports (`npm run etl -- pegawai.xlsx` while the server runs, a scheduled
    // SIMPEG export) are master data: applied first, with the saved column mapping.
    for (const f of [...files]) {
      const bytes = new Uint8Array(readFileSync(f.path));
      const kind = await masterKindOf(bytes);
      if (!kind) continue;
      files.splice(files.indexOf(f), 1);
      const name = path.basename(f.path);
      // the command line's options travel beside the file (npm run etl -- pegawai.xlsx --complete)
      const sidecar = `${f.path}${MASTER_OPTIONS_SUFFIX}`;
      let ok = false;
      try {
        const given = existsSync(sidecar)
          ? (JSON.parse(readFileSync(sidecar, "utf8")) as { asOf?: string; complete?: boolean })
          : {};
        const opts = {
          asOf: given.asOf && isCalendarDate(given.asOf) ? given.asOf : today(),
          complete: given.complete === true,
        };
        const r = await importMasterUnattended(
          db,
          e.dataDir,
          { id: null, name: "inbox" },
          { kind, fileName: name, bytes, opts },
        );
        for (const line of describeUnattended(name, r)) console.log(line);
        ok = r.ok;
      } catch (err) {
        // one file that cannot be applied never holds back the others, nor the next runs
        console.error(`[master] ${name}: tidak dapat diterapkan / could not be applied:`, err);
      }
      const target = path.join(inbox, ok ? "processed" : "refused");
      mkdirSync(target, { recursive: true });
      renameSync(f.path, path.join(target, name));
      rmSync(sidecar, { force: true });
    }
    // Exports uploaded in the browser, in the order they came.
    const uploads = await db.sourceUpload.findMany({ where: { status: "RECEIVED" }, orderBy: { createdAt: "asc" } });
    const inboxCount = files.length;
    files.push(...uploads.map((u) => ({ path: path.join(e.dataDir, u.storedPath), name: u.fileName })));
    const result = await runEtl(
      { db, ch, dataDir: e.dataDir },
      { trigger, files, progress: createProgress({ quiet: true }) },
    );
    // Reports come in the order of the files.
    for (const [i, r] of result.imports.entries()) {
      if (i >= inboxCount) {
        const u = uploads[i - inboxCount]!;
        await db.sourceUpload.update({
          where: { id: u.id },
          data: r.error
            ? { status: "REFUSED", errorId: r.error.id, errorEn: r.error.en }
            : { status: "IMPORTED", batchId: r.batchId },
        });
        // the import keeps its own normalised copy; a refused file stays until its columns are mapped (Impor data)
        if (!r.error) rmSync(path.join(e.dataDir, u.storedPath), { force: true });
        continue;
      }
      const target = path.join(inbox, r.error ? "refused" : "processed");
      mkdirSync(target, { recursive: true });
      renameSync(path.join(inbox, r.fileName), path.join(target, r.fileName));
    }
    await sweepUploads(db);
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    if (total > 0 || files.length)
      console.log(`[etl] ${trigger} run ${result.runId}: ${total} rows in ${result.seconds.toFixed(1)} s`);
    return { runId: result.runId, rows: total };
  } catch (err) {
    if (err instanceof EtlBusyError) {
      console.log(`[etl] ${err.messageEn}`);
      return { busy: true };
    }
    console.error(`[etl] ${trigger} run failed:`, err);
    throw err;
  } finally {
    state.pantauEtlRunning = false;
    if (state.pantauUploadsWaiting) {
      state.pantauUploadsWaiting = false;
      loadUploadsSoon();
    }
  }
}

/**
 * An upload just arrived: run the ETL now (in the background), or right after the run in progress,
 * so the page that uploaded sees its report within seconds rather than at the next scheduled run.
 */
export function loadUploadsSoon(): void {
  if (state.pantauEtlRunning) {
    state.pantauUploadsWaiting = true;
    return;
  }
  setTimeout(() => void runScheduledEtl("upload").catch(() => {}), 0);
}

/** Leftovers of uploads a killed process never recorded (disk storage only; see DiskStore.sweep). */
async function sweepUploads(db: Awaited<ReturnType<typeof getDb>>) {
  const store = objectStoreFrom(env());
  if (!(store instanceof DiskStore)) return;
  const removed = await store.sweep(
    async (keys) =>
      new Set(
        (await db.requestDocument.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } })).map(
          (d) => d.storageKey,
        ),
      ),
  );
  if (removed.files || removed.folders)
    console.log(`[storage] removed ${removed.files} unrecorded upload(s) and ${removed.folders} empty folder(s)`);
}

export function startEtlSchedule(): void {
  const minutes = env().ETL_INTERVAL_MINUTES;
  if (minutes === 0 || state.pantauEtlTimer) return;
  const run = () => void runScheduledEtl().catch(() => {}); // logged above; the next tick tries again
  state.pantauEtlTimer = setInterval(run, minutes * 60_000);
  state.pantauEtlTimer.unref();
  setTimeout(run, 20_000).unref();
}
