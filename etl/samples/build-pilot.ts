// Writes the pilot region's sample files, the way a BKPSDM's Excel writes them: a unit list (SOTK) and
// an employee export with title rows above the header, a header merged over two rows, NIPs as text
// (and one typed as a number, to show the reason it gets), Excel date cells and serial numbers; then
// November 2026 attendance and e-Kinerja exports for the same people. `npx tsx etl/samples/build-pilot.ts`
// rewrites them; the files are committed, so tests and the onboarding guide use them as they are.
import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";

const DIR = import.meta.dirname;

import { PILOT_PEOPLE, PILOT_UNITS, nipOf, unitName } from "./pilot-data";

const title = ["PEMERINTAH KABUPATEN CONTOH", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"];

async function unitList() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("SOTK");
  ws.addRow([title[0]]);
  ws.addRow(["DAFTAR PERANGKAT DAERAH DAN UNIT KERJA"]);
  ws.addRow([]);
  ws.addRow(["No", "Kode Unit", "Nama Unit", "Kode Induk", "Nama Induk"]).font = { bold: true };
  PILOT_UNITS.forEach((u, i) => ws.addRow([i + 1, u.code, u.name, u.parent, u.parent ? unitName(u.parent) : ""]));
  ws.mergeCells("A1:E1");
  ws.mergeCells("A2:E2");
  await wb.xlsx.writeFile(path.join(DIR, "unit-kerja-contoh.xlsx"));
  const csv = [
    `${title[0]};;;;`,
    "DAFTAR PERANGKAT DAERAH DAN UNIT KERJA;;;;",
    ";;;;",
    "No;Kode Unit;Nama Unit;Kode Induk;Nama Induk",
    ...PILOT_UNITS.map((u, i) => [i + 1, u.code, u.name, u.parent, u.parent ? unitName(u.parent) : ""].join(";")),
  ];
  writeFileSync(path.join(DIR, "unit-kerja-contoh.csv"), "\ufeff" + csv.join("\r\n") + "\r\n");
}

const excelSerial = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000 + 25569;
const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

async function employeeExport() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Pegawai");
  ws.addRow([title[0]]);
  ws.addRow(["DAFTAR NOMINATIF PEGAWAI ASN — KEADAAN PER 1 NOVEMBER 2026"]);
  ws.addRow([]);
  // Two header rows: "Gelar" merged over "Depan" | "Belakang", the rest merged down.
  ws.addRow(["No", "NIP", "Gelar", "", "Nama", "Jenis Kelamin", "Jenis Pegawai", "Gol/Ruang", "Jabatan", "Unit Kerja", "Unit Induk", "TMT CPNS", "Status", "TMT Pensiun"]);
  ws.addRow(["", "", "Depan", "Belakang", "", "", "", "", "", "", "", "", "", ""]);
  for (const c of ["A", "B", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"]) ws.mergeCells(`${c}4:${c}5`);
  ws.mergeCells("C4:D4");
  ws.getRow(4).font = { bold: true };
  ws.getRow(5).font = { bold: true };
  PILOT_PEOPLE.forEach((p, i) => {
    const unit = PILOT_UNITS.find((u) => u.code === p.unit)!;
    const row = ws.addRow([
      i + 1, nipOf(p), p.front, p.back, p.name, p.sex, p.type, p.rank, p.position, unit.name, unit.parent ? unitName(unit.parent) : "",
      // TMT as an Excel date cell for most, as a bare serial number for PPPK (both happen in real exports)
      p.type === "PNS" ? new Date(`${p.tmt}-01T00:00:00Z`) : excelSerial(`${p.tmt}-01`), p.status ?? "Aktif", p.left ? new Date(`${p.left}T00:00:00Z`) : null,
    ]);
    row.getCell(2).numFmt = "@";
    row.getCell(12).numFmt = p.type === "PNS" ? "dd/mm/yyyy" : "General";
    row.getCell(14).numFmt = "dd/mm/yyyy";
  });
  // One NIP typed into a number cell: Excel keeps 15 digits, so the import refuses it with the reason.
  const r = ws.addRow([PILOT_PEOPLE.length + 1, 198702142015031001, "", "", "Rudi Hartono", "L", "PNS", "III/a", "Penata Kelola", "Kecamatan Contoh Utara", "", new Date("2015-03-01T00:00:00Z"), "Aktif", null]);
  r.getCell(12).numFmt = "dd/mm/yyyy";
  await wb.xlsx.writeFile(path.join(DIR, "pegawai-contoh.xlsx"));

  // The CSV as Excel saves it in an Indonesian locale: semicolons, CRLF, dd/mm/yyyy dates; this one's
  // unit column is named "Satker Penempatan", which Pantau does not know: it is mapped once by hand.
  const head = "No;NIP;Gelar Depan;Gelar Belakang;Nama;Jenis Kelamin;Jenis Pegawai;Gol/Ruang;Jabatan;Satker Penempatan;Unit Induk;TMT CPNS;Status;TMT Pensiun";
  const lines = PILOT_PEOPLE.map((p, i) => {
    const unit = PILOT_UNITS.find((u) => u.code === p.unit)!;
    return [i + 1, nipOf(p), p.front, p.back, p.name, p.sex, p.type, p.rank, p.position, unit.name, unit.parent ? unitName(unit.parent) : "", dmy(`${p.tmt}-01`), p.status ?? "Aktif", p.left ? dmy(p.left) : ""].join(";");
  });
  lines.push(`${PILOT_PEOPLE.length + 1};1,98702E+17;;;Rudi Hartono;L;PNS;III/a;Penata Kelola;Kecamatan Contoh Utara;;01/03/2015;Aktif;`);
  writeFileSync(path.join(DIR, "pegawai-contoh.csv"), "\ufeff" + [`${title[0]};;;;;;;;;;;;;`, "DAFTAR NOMINATIF PEGAWAI ASN;;;;;;;;;;;;;", head, ...lines].join("\r\n") + "\r\n");
}

/** Working days of 2–17 November 2026 (no holiday falls in them). */
function novemberDays(): string[] {
  const out: string[] = [];
  for (let d = 2; d <= 17; d++) {
    const iso = `2026-11-${String(d).padStart(2, "0")}`;
    const wd = new Date(`${iso}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(iso);
  }
  return out;
}

async function pilotExports() {
  const active = PILOT_PEOPLE.filter((p) => p.status !== "Pensiun" || (p.left ?? "") > "2026-11-17");
  const rows: string[] = ["NIP;Tanggal;Jam Masuk;Jam Pulang;Status;Menit Terlambat"];
  active.forEach((p, i) => {
    for (const [j, day] of novemberDays().entries()) {
      const absent = i === 3 && j === 4;
      const late = !absent && (i + j) % 7 === 0;
      rows.push([nipOf(p), dmy(day).replace(/-/g, "/"), absent ? "" : late ? "07.52" : "07.21", absent ? "" : "16.05", absent ? "TK" : late ? "TL1" : "H", late ? 22 : ""].join(";"));
    }
  });
  writeFileSync(path.join(DIR, "absensi-pilot.csv"), "\ufeff" + rows.join("\r\n") + "\r\n");
  // e-Kinerja as an .xlsx with a title row: October's monthly realisation, sent (or not) in November.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Realisasi");
  ws.addRow(["REKAP PENGISIAN E-KINERJA BULAN OKTOBER 2026"]);
  ws.addRow(["nip", "periode", "jenis", "waktu_kirim", "status_persetujuan"]);
  active.forEach((p, i) => {
    const row = ws.addRow([nipOf(p), "10/2026", "bulanan", i % 5 === 4 ? "" : i % 3 === 0 ? "2026-11-09 10:00" : "2026-11-03 09:15", i % 5 === 4 ? "" : "disetujui"]);
    row.getCell(1).numFmt = "@";
  });
  await wb.xlsx.writeFile(path.join(DIR, "ekinerja-pilot.xlsx"));
}

await unitList();
await employeeExport();
await pilotExports();
console.log("written: unit-kerja-contoh.{xlsx,csv}, pegawai-contoh.{xlsx,csv}, absensi-pilot.csv, ekinerja-pilot.xlsx");
