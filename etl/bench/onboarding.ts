// Going-live benchmark on the embedded stores: a region's SOTK (default 400 units) and a 40,000-employee
// export written as Excel writes it (title rows, a two-row header, NIPs as text, TMT as date cells), then
// the preview (read + plan) and the import (apply in one transaction) as the browser runs them; then next
// month's export with 5 % moved and 1 % retired, and the ETL run that sends the changes to ClickHouse.
//   npm run bench:onboarding [-- --employees 40000 --units 400]
// Targets (issue 14): preview ≤ 10 s, import ≤ 30 s.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { formatNumber } from "@/i18n/format";
import { makePnsNip } from "@/lib/domain/nip";
import { ChdbClickHouse } from "@/server/clickhouse/chdb";
import { applyClickHouseMigrations } from "@/server/clickhouse/migrate";
import { openRelational } from "@/server/db/adapter";
import { createPrisma } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrate";
import { applyMaster, planMaster, readMasterFile, receiveMaster, storedBytes } from "../master/master";
import { runEtl } from "../run";

const { values } = parseArgs({
  options: { employees: { type: "string", default: "40000" }, units: { type: "string", default: "400" } },
});
const N = Number(values.employees);
const U = Number(values.units);
const dir = mkdtempSync(path.join(os.tmpdir(), "pantau-bench-onb-"));
const secs = (ms: number) => `${formatNumber(ms / 1000, "id", { maximumFractionDigits: 1 })} s`;
const mb = (b: number) => `${formatNumber(b / 1024 / 1024, "id", { maximumFractionDigits: 1 })} MB`;

console.log(
  `Pantau bench:onboarding — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model.trim()}); ${formatNumber(N, "id")} employees, ${formatNumber(U, "id")} units; data in ${dir}`,
);

const unitName = (i: number) => (i < 40 ? `Dinas Nomor ${i + 1}` : `UPT ${i + 1} Dinas Nomor ${(i % 40) + 1}`);
const unitCode = (i: number) => `U${String(i + 1).padStart(4, "0")}`;

async function workbook(rows: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  rows(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const units = await workbook((ws) => {
  ws.addRow(["PEMERINTAH KABUPATEN BENCH"]);
  ws.addRow(["Kode Unit", "Nama Unit", "Kode Induk"]);
  for (let i = 0; i < U; i++) ws.addRow([unitCode(i), unitName(i), i < 40 ? "" : unitCode(i % 40)]);
});

type Emp = { nip: string; unit: number; status: string; rank: string };
const people: Emp[] = [];
const taken = new Set<string>();
for (let i = 0; i < N; i++) {
  const birth = `${1960 + (i % 40)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
  const tmt = `${1960 + (i % 40) + 22 + (i % 15)}-${String(((i * 7) % 12) + 1).padStart(2, "0")}`;
  let seq = 1;
  let nip = makePnsNip(birth, tmt, i % 2 ? "L" : "P", seq);
  while (taken.has(nip)) nip = makePnsNip(birth, tmt, i % 2 ? "L" : "P", ++seq);
  taken.add(nip);
  people.push({ nip, unit: i % U, status: "Aktif", rank: "III/a" });
}
const unique = people;

const exportOf = (list: Emp[]) =>
  workbook((ws) => {
    ws.addRow(["DAFTAR NOMINATIF PEGAWAI"]);
    ws.addRow([]);
    ws.addRow(["NIP", "Gelar", "", "Nama", "Gol/Ruang", "Jabatan", "Kode Unit", "Unit Kerja", "TMT CPNS", "Status"]);
    ws.addRow(["", "Depan", "Belakang", "", "", "", "", "", "", ""]);
    for (const [i, p] of list.entries()) {
      ws.addRow([
        p.nip,
        i % 9 === 0 ? "Dr." : "",
        i % 3 === 0 ? "S.E." : "",
        `Pegawai ${i + 1}`,
        p.rank,
        "Pelaksana",
        unitCode(p.unit),
        unitName(p.unit),
        new Date(`${p.nip.slice(8, 12)}-${p.nip.slice(12, 14)}-01T00:00:00Z`),
        p.status,
      ]);
    }
  });

const t0 = performance.now();
const first = await exportOf(unique);
console.log(
  `files written in ${secs(performance.now() - t0)}: unit list ${mb(units.length)}, employee export ${mb(first.length)} (${formatNumber(unique.length, "id")} rows)`,
);

const conn = await openRelational({ kind: "pglite", dataDir: dir });
await applyMigrations(conn);
const db = createPrisma(conn);
const ch = await ChdbClickHouse.open({ dataDir: dir, database: "pantau" });
await applyClickHouseMigrations(ch);
const region = await db.region.create({ data: { code: "BENCH", name: "Kabupaten Bench" } });
const actor = { id: null, name: "bench" };
const opts = { asOf: "2026-11-18", complete: false };

async function round(label: string, kind: "UNITS" | "EMPLOYEES", bytes: Uint8Array, complete = false) {
  const imp = await receiveMaster(db, dir, {
    regionId: region.id,
    kind,
    fileName: `${label}.xlsx`,
    bytes,
    createdById: null,
  });
  const p0 = performance.now();
  const file = await readMasterFile(db, region.id, kind, storedBytes(dir, imp.storedPath));
  const read = performance.now() - p0;
  const plan = await planMaster(db, region.id, kind, file, { ...opts, complete });
  const preview = performance.now() - p0;
  const a0 = performance.now();
  const r = await applyMaster(db, dir, actor, imp.id, { ...opts, complete });
  const apply = performance.now() - a0;
  if (!("plan" in r)) throw new Error(`apply failed: ${r.error}`);
  const c = plan.counts;
  console.log(
    `${label}: preview ${secs(preview)} (read ${secs(read)}, plan ${secs(preview - read)}), import ${secs(apply)} (preview again + apply, one transaction)` +
      ` — rows ${formatNumber(c.rows, "id")}, problems ${formatNumber(c.problems, "id")}, units +${c.unitsCreated}, employees +${formatNumber(c.employeesCreated, "id")} ~${formatNumber(c.employeesUpdated, "id")} moved ${formatNumber(c.employeesMoved, "id")} inactive ${formatNumber(c.employeesDeactivated, "id")}`,
  );
  return { preview, apply };
}

try {
  await round("unit list", "UNITS", units);
  const firstRound = await round("employee export (first import)", "EMPLOYEES", first);
  const e0 = performance.now();
  const etl1 = await runEtl({ db, ch, dataDir: dir }, { lagMs: 0, trigger: "bench" });
  console.log(
    `ETL after the first import: ${formatNumber(etl1.rows.dim_employee ?? 0, "id")} employee dimension rows in ${secs(performance.now() - e0)}`,
  );
  // next month: 5 % moved, 1 % retired, a few promoted
  const next = unique.map((p, i) => ({
    ...p,
    unit: i % 20 === 0 ? (p.unit + 1) % U : p.unit,
    status: i % 100 === 7 ? "Pensiun" : p.status,
    rank: i % 50 === 3 ? "III/b" : p.rank,
  }));
  const again = await round("next month's export", "EMPLOYEES", await exportOf(next), true);
  const e1 = performance.now();
  const etl2 = await runEtl({ db, ch, dataDir: dir }, { lagMs: 0, trigger: "bench" });
  console.log(
    `ETL after the re-import: ${formatNumber(etl2.rows.dim_employee ?? 0, "id")} employee dimension rows in ${secs(performance.now() - e1)}`,
  );
  const worstPreview = Math.max(firstRound.preview, again.preview);
  const worstImport = Math.max(firstRound.apply, again.apply);
  console.log(
    `targets: preview ≤ 10 s → worst ${secs(worstPreview)} ${worstPreview <= 10_000 ? "OK" : "MISSED"}; import ≤ 30 s → worst ${secs(worstImport)} ${worstImport <= 30_000 ? "OK" : "MISSED"}`,
  );
} finally {
  await db.$disconnect();
  await conn.close();
  await ch.close();
  rmSync(dir, { recursive: true, force: true });
}
