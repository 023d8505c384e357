import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chNumber, openEtlStores, type EtlTestStores } from "@/test/etl";
import { relationalKinds } from "@/test/stores";
import { INDONESIAN_HOLIDAYS } from "@/lib/domain/holidays-id";
import { runEtl } from "../run";
import {
  applyMaster,
  cancelMaster,
  importMasterUnattended,
  masterKindOf,
  planMaster,
  readMasterFile,
  receiveMaster,
  saveMapping,
  storedBytes,
} from "./master";
import { PILOT_PEOPLE, nipOf } from "../samples/pilot-data";
import { dateOfCell, findHeader, nipOfCell, readRows, readXlsxRows, readXlsxWhole } from "./sheet";
import { headerSignature, knownHeader } from "./fields";

const SAMPLES = path.resolve(import.meta.dirname, "../samples");
const sample = (name: string) => new Uint8Array(readFileSync(path.join(SAMPLES, name)));
const actor = { id: null, name: "test-admin" };
const AS_OF = "2026-11-18";

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("x");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("reading spreadsheets as regions export them", () => {
  it("finds the header below title rows and combines a header merged over two rows", async () => {
    const rows = await readRows(sample("pegawai-contoh.xlsx"));
    const t = findHeader(rows, knownHeader("EMPLOYEES"));
    expect(t.headerLine).toBe(5);
    expect(t.skipped).toBe(2); // two title rows (the empty row between is no row)
    expect(t.header.slice(0, 5)).toEqual(["No", "NIP", "Gelar Depan", "Gelar Belakang", "Nama"]);
    expect(t.rows).toHaveLength(PILOT_PEOPLE.length + 1);
  });

  it("reads a workbook the same way whether streamed or, as the fallback, whole (merged cells in their first cell only)", async () => {
    for (const name of ["pegawai-contoh.xlsx", "unit-kerja-contoh.xlsx", "ekinerja-pilot.xlsx"]) {
      const trim = (rows: { line: number; cells: unknown[] }[]) =>
        rows.map((r) => ({ line: r.line, cells: r.cells.slice(0, r.cells.findLastIndex((c) => c !== null) + 1) }));
      expect(trim(await readXlsxWhole(sample(name))), name).toEqual(trim(await readXlsxRows(sample(name))));
    }
  });

  it("reads Excel serial dates, date cells and Indonesian month names; refuses what is not a date", () => {
    expect(dateOfCell(31048)).toBe("1985-01-01");
    expect(dateOfCell("44621")).toBe("2022-03-01");
    expect(dateOfCell(new Date("2014-03-01T00:00:00Z"))).toBe("2014-03-01");
    expect(dateOfCell("12 Maret 1985")).toBe("1985-03-12");
    expect(dateOfCell("01/03/2015")).toBe("2015-03-01");
    expect(dateOfCell("31-02-2015")).toBeNull();
    expect(dateOfCell("1985")).toBeNull(); // a year, not serial 1985
    expect(dateOfCell(30)).toBeNull(); // before Excel's phantom 29 Feb 1900
    expect(dateOfCell("kemarin")).toBeNull();
  });

  it("refuses NIPs Excel stored as numbers or in scientific notation, and keeps text NIPs", () => {
    expect(nipOfCell(198702142015031000)).toEqual({ ok: false, reason: "master.reason.nipNumber" });
    expect(nipOfCell("1,98702E+17")).toEqual({ ok: false, reason: "master.reason.nipScientific" });
    expect(nipOfCell("1.98702E+17")).toEqual({ ok: false, reason: "master.reason.nipScientific" });
    expect(nipOfCell("'198702142015031001")).toEqual({ ok: true, nip: "198702142015031001" });
    expect(nipOfCell("19870214 201503 1 001")).toEqual({ ok: true, nip: "198702142015031001" });
  });

  it("tells master data from attendance and e-Kinerja exports by the header (the command line and the inbox)", async () => {
    expect(await masterKindOf(sample("unit-kerja-contoh.xlsx"))).toBe("UNITS");
    expect(await masterKindOf(sample("unit-kerja-contoh.csv"))).toBe("UNITS");
    expect(await masterKindOf(sample("pegawai-contoh.xlsx"))).toBe("EMPLOYEES");
    expect(await masterKindOf(sample("pegawai-contoh.csv"))).toBe("EMPLOYEES");
    expect(await masterKindOf(sample("absensi-pilot.csv"))).toBeNull();
    expect(await masterKindOf(sample("ekinerja-pilot.xlsx"))).toBeNull();
    expect(await masterKindOf(sample("absensi-contoh.csv"))).toBeNull();
    expect(await masterKindOf(new TextEncoder().encode("NIP;Nama;Tanggal;Jam Masuk;Jam Pulang;Status\n"))).toBeNull();
    // an e-Kinerja export named with its other accepted headers is still no employee list
    expect(
      await masterKindOf(new TextEncoder().encode("NIP;Nama;Bulan;Jenis;Tanggal Kirim;Status\n1;2;3;4;5;6\n")),
    ).toBeNull();
  });

  it("refuses an old .xls and an unreadable .xlsx with a reason, not a crash", async () => {
    await expect(readRows(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).rejects.toMatchObject({
      key: "master.error.format",
    });
    await expect(readRows(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).rejects.toMatchObject({
      key: "master.error.unreadable",
    });
    await expect(readRows(new Uint8Array())).rejects.toMatchObject({ key: "master.error.empty" });
  });
});

describe.each(relationalKinds)("importing master data (%s + chDB)", (kind) => {
  let s: EtlTestStores;
  let regionId: string;

  const receive = async (kindOf: "UNITS" | "EMPLOYEES", fileName: string, bytes: Uint8Array) =>
    receiveMaster(s.db, s.dataDir, { regionId, kind: kindOf, fileName, bytes, createdById: null });
  const preview = async (id: number, opts = { asOf: AS_OF, complete: false }) => {
    const imp = await s.db.masterImport.findUniqueOrThrow({ where: { id } });
    const file = await readMasterFile(
      s.db,
      regionId,
      imp.kind,
      storedBytes(s.dataDir, imp.storedPath),
      imp.mapping as Record<string, string> | null,
    );
    return { file, plan: file.missing.length ? null : await planMaster(s.db, regionId, imp.kind, file, opts) };
  };

  beforeAll(async () => {
    s = await openEtlStores(kind);
    const region = await s.db.region.create({
      data: { code: "CONTOH", name: "Kabupaten Contoh", timezone: "Asia/Jakarta" },
    });
    regionId = region.id;
    await s.db.holiday.createMany({
      data: INDONESIAN_HOLIDAYS.map((h) => ({ regionId, date: new Date(h.date), kind: h.kind, name: h.name })),
    });
  });
  afterAll(() => s.close());

  it("previews the unit list without storing anything, then applies it with parents and an audit trail", async () => {
    const imp = await receive("UNITS", "unit-kerja-contoh.xlsx", sample("unit-kerja-contoh.xlsx"));
    const { plan } = await preview(imp.id);
    expect(plan!.counts).toMatchObject({ rows: 9, problems: 0, unitsCreated: 9, unitsUpdated: 0 });
    expect(await s.db.unit.count()).toBe(0);
    const r = await applyMaster(s.db, s.dataDir, actor, imp.id, { asOf: AS_OF, complete: false });
    expect("plan" in r).toBe(true);
    const smp = await s.db.unit.findFirstOrThrow({ where: { code: "SMPN1" }, include: { parent: true } });
    expect(smp.parent?.code).toBe("DISDIK");
    expect(await s.db.auditLog.count({ where: { action: "unit.create" } })).toBe(9);
    expect((await s.db.masterImport.findUniqueOrThrow({ where: { id: imp.id } })).status).toBe("APPLIED");
    // applying twice does nothing
    expect(await applyMaster(s.db, s.dataDir, actor, imp.id, { asOf: AS_OF, complete: false })).toEqual({
      error: "done",
    });
  });

  it("the same list as CSV changes nothing; a rename and a merge (complete list) update and deactivate", async () => {
    const again = await receive("UNITS", "unit-kerja-contoh.csv", sample("unit-kerja-contoh.csv"));
    expect((await preview(again.id)).plan!.counts).toMatchObject({
      rows: 9,
      unitsCreated: 0,
      unitsUpdated: 0,
      unitsDeactivated: 0,
    });
    await cancelMaster(s.db, s.dataDir, again.id);
    const text = readFileSync(path.join(SAMPLES, "unit-kerja-contoh.csv"), "utf8")
      .replace("Kecamatan Contoh Utara", "Kecamatan Contoh Raya")
      .split("\r\n")
      .filter((l) => !l.includes("DINKES-SEK"))
      .join("\r\n");
    const changed = await receive("UNITS", "sotk-2027.csv", new TextEncoder().encode(text));
    const { plan } = await preview(changed.id, { asOf: AS_OF, complete: true });
    expect(plan!.counts).toMatchObject({ rows: 8, unitsCreated: 0, unitsUpdated: 1, unitsDeactivated: 1 });
    await applyMaster(s.db, s.dataDir, actor, changed.id, { asOf: AS_OF, complete: true });
    expect((await s.db.unit.findFirstOrThrow({ where: { code: "KEC-UTARA" } })).name).toBe("Kecamatan Contoh Raya");
    expect((await s.db.unit.findFirstOrThrow({ where: { code: "DINKES-SEK" } })).active).toBe(false);
    const audit = await s.db.auditLog.findFirstOrThrow({ where: { action: "unit.update" } });
    expect(audit.before).toMatchObject({ name: "Kecamatan Contoh Utara" });
    expect(audit.after).toMatchObject({ name: "Kecamatan Contoh Raya" });
    // the sample's names again, for the employee export below
    const back = await receive("UNITS", "unit-kerja-contoh.xlsx", sample("unit-kerja-contoh.xlsx"));
    await applyMaster(s.db, s.dataDir, actor, back.id, { asOf: AS_OF, complete: false });
  });

  it("imports the employee export: titles, PNS and PPPK, serial dates, units by name; a number NIP is refused with its reason", async () => {
    const imp = await receive("EMPLOYEES", "pegawai-contoh.xlsx", sample("pegawai-contoh.xlsx"));
    const { plan, file } = await preview(imp.id);
    expect(file.mapSource).toBe("auto");
    expect(plan!.counts).toMatchObject({ rows: 15, problems: 1, employeesCreated: 14, unitsCreated: 0 });
    expect(plan!.problems[0]).toMatchObject({ line: 20, field: "nip", key: "master.reason.nipNumber" });
    await applyMaster(s.db, s.dataDir, actor, imp.id, { asOf: AS_OF, complete: false });
    const fauzi = await s.db.employee.findUniqueOrThrow({
      where: { nip: nipOf(PILOT_PEOPLE[3]!) },
      include: { unit: true },
    });
    expect(fauzi).toMatchObject({
      name: "Dr. Ahmad Fauzi, M.Pd.",
      employmentType: "PNS",
      gender: "L",
      rank: "IV/b",
      position: "Kepala Dinas Pendidikan",
    });
    expect(fauzi.unit.code).toBe("DISDIK");
    const yusuf = await s.db.employee.findUniqueOrThrow({ where: { nip: nipOf(PILOT_PEOPLE[6]!) } });
    expect(yusuf).toMatchObject({ employmentType: "PPPK", appointedOn: new Date("2022-04-01") });
    // retiring on 1 Dec: still active on 18 Nov, not due from December on
    const siti = await s.db.employee.findUniqueOrThrow({ where: { nip: nipOf(PILOT_PEOPLE[7]!) } });
    expect(siti).toMatchObject({ active: true, retiredOn: new Date("2026-12-01") });
    expect(await s.db.auditLog.count({ where: { action: "employee.create" } })).toBe(14);
  });

  it("loads attendance and e-Kinerja exports saved as Excel, with quarantined rows on their Excel row numbers", async () => {
    const r = await runEtl(s, { files: [{ path: path.join(SAMPLES, "ekinerja-pilot.xlsx") }], today: AS_OF, lagMs: 0 });
    expect(r.imports[0]).toMatchObject({
      fileName: "ekinerja-pilot.xlsx",
      kind: "EKINERJA",
      read: PILOT_PEOPLE.length,
      quarantined: 0,
    });
    const wb = await xlsx([
      ["REKAP ABSENSI NOVEMBER 2026"],
      ["NIP", "Tanggal", "Jam Masuk", "Jam Pulang", "Status"],
      [
        nipOf(PILOT_PEOPLE[0]!),
        new Date("2026-11-16T00:00:00Z"),
        new Date("1899-12-30T07:25:00Z"),
        new Date("1899-12-30T16:02:00Z"),
        "H",
      ],
      ["123", new Date("2026-11-16T00:00:00Z"), "07:30", "16:00", "H"],
    ]);
    const file = path.join(s.dataDir, "absensi-16-nov.xlsx");
    (await import("node:fs")).writeFileSync(file, wb);
    const a = await runEtl(s, { files: [{ path: file, name: "Absensi 16 Nov.xlsx" }], today: AS_OF, lagMs: 0 });
    expect(a.imports[0]).toMatchObject({
      fileName: "Absensi 16 Nov.xlsx",
      kind: "ATTENDANCE",
      read: 2,
      valid: 1,
      quarantined: 1,
    });
    const q = await s.db.quarantinedRow.findMany({ where: { batchId: a.imports[0]!.batchId } });
    expect(q.map((x) => [x.line, x.field])).toEqual([[4, "nip"]]);
    const [row] = await s.ch.query<{ check_in: number }>(
      "SELECT check_in FROM fact_attendance WHERE batch_id = {b:UInt32}",
      { b: a.imports[0]!.batchId },
    );
    expect(Number(row!.check_in)).toBe(7 * 60 + 25);
  });

  it("an export with headers of its own is refused, then read through the mapping HR saved for its header row", async () => {
    const text = `Nomor Pegawai;Hari;Datang;Pulang;Kode\r\n${nipOf(PILOT_PEOPLE[1]!)};13/11/2026;07.20;16.00;H\r\n`;
    const file = path.join(s.dataDir, "mesin-absen.csv");
    (await import("node:fs")).writeFileSync(file, text);
    const refused = await runEtl(s, { files: [{ path: file }], today: AS_OF, lagMs: 0 });
    expect(refused.imports[0]!.error).toBeTruthy();
    const header = ["Nomor Pegawai", "Hari", "Datang", "Pulang", "Kode"];
    await s.db.importMapping.create({
      data: {
        regionId,
        kind: "ATTENDANCE",
        signature: headerSignature(header),
        columns: { nip: "Nomor Pegawai", date: "Hari", checkIn: "Datang", checkOut: "Pulang", status: "Kode" },
      },
    });
    const loaded = await runEtl(s, { files: [{ path: file }], today: AS_OF, lagMs: 0 });
    expect(loaded.imports[0]).toMatchObject({ kind: "ATTENDANCE", read: 1, valid: 1, quarantined: 0 });
  });

  it("asks for a mapping of an unknown column, saves it, and uses it for the next export of that shape", async () => {
    const imp = await receive("EMPLOYEES", "pegawai-contoh.csv", sample("pegawai-contoh.csv"));
    const first = await preview(imp.id);
    expect(first.file.missing).toEqual(["unitCode|unitName"]);
    expect(first.plan).toBeNull();
    const col = first.file.table.header.indexOf("Satker Penempatan");
    await saveMapping(s.db, regionId, "EMPLOYEES", imp.id, first.file, { ...first.file.map, unitName: col });
    const mapped = await preview(imp.id);
    expect(mapped.plan!.counts).toMatchObject({ rows: 15, problems: 1, employeesCreated: 0, employeesUnchanged: 14 });
    expect(mapped.plan!.problems[0]).toMatchObject({ key: "master.reason.nipScientific" });
    await cancelMaster(s.db, s.dataDir, imp.id);
    // next month: a new upload with the same header row is recognised by its saved mapping
    const next = await receive("EMPLOYEES", "pegawai-desember.csv", sample("pegawai-contoh.csv"));
    const again = await preview(next.id);
    expect(again.file.mapSource).toBe("saved");
    expect(again.file.missing).toEqual([]);
    await cancelMaster(s.db, s.dataDir, next.id);
  });

  it("a move keeps the past where it happened; a retirement and a complete export deactivate; analytics follow", async () => {
    await runEtl(s, { files: [{ path: path.join(SAMPLES, "absensi-pilot.csv") }], today: AS_OF, lagMs: 0 });
    const rina = await s.db.employee.findUniqueOrThrow({
      where: { nip: nipOf(PILOT_PEOPLE[5]!) },
      include: { unit: true },
    });
    const before = await chNumber(
      s.ch,
      "SELECT count() AS n FROM fact_attendance WHERE employee_id = {e:String} AND unit_id = {u:String}",
      { e: rina.id, u: rina.unitId },
    );
    expect(before).toBeGreaterThan(5);

    const smpn1 = PILOT_PEOPLE.filter((p) => p.unit === "SMPN1");
    // the export covers SMP Negeri 1 and the Dinas' secretariat (where Rina moves): complete for those two
    const rows: unknown[][] = [["DATA PEGAWAI DISDIK"], ["NIP", "Nama", "Unit Kerja", "Status"]];
    rows.push([nipOf(PILOT_PEOPLE[5]!), "Rina Marlina, S.Pd.", "Sekretariat Dinas Pendidikan", "Aktif"]); // moved
    rows.push([nipOf(smpn1[2]!), "Siti Aminah, S.Pd.", "SMP Negeri 1 Contoh", "Pensiun"]); // retired, no date: as of the export
    rows.push([nipOf(PILOT_PEOPLE[4]!), "Dewi Lestari, S.Sos.", "Sekretariat Dinas Pendidikan", "Aktif"]); // unchanged
    // Yusuf (SMPN1) is missing: with "complete" he has left as of the export's day
    const imp = await receive("EMPLOYEES", "mutasi.xlsx", await xlsx(rows));
    const { plan } = await preview(imp.id, { asOf: AS_OF, complete: true });
    expect(plan!.counts).toMatchObject({
      rows: 3,
      problems: 0,
      employeesMoved: 1,
      employeesDeactivated: 2,
      employeesUnchanged: 1,
    });
    await applyMaster(s.db, s.dataDir, actor, imp.id, { asOf: AS_OF, complete: true });

    const moved = await s.db.employee.findUniqueOrThrow({ where: { id: rina.id }, include: { unit: true } });
    expect(moved.unit.code).toBe("DISDIK-SEK");
    expect(moved.name).toBe("Rina Marlina, S.Pd.");
    const yusuf = await s.db.employee.findUniqueOrThrow({ where: { nip: nipOf(PILOT_PEOPLE[6]!) } });
    expect(yusuf).toMatchObject({ active: false, retiredOn: new Date(AS_OF) });
    expect(await s.db.auditLog.count({ where: { action: "employee.move", entityId: rina.id } })).toBe(1);

    await runEtl(s, { today: AS_OF, lagMs: 0 });
    // the attendance loaded before the move stays in the old unit; the dimension has the new one
    expect(
      await chNumber(
        s.ch,
        "SELECT count() AS n FROM fact_attendance WHERE employee_id = {e:String} AND unit_id = {u:String}",
        { e: rina.id, u: rina.unitId },
      ),
    ).toBe(before);
    const [dim] = await s.ch.query<{ unit: string; active: number }>(
      "SELECT argMax(unit_id, version) AS unit FROM dim_employee WHERE employee_id = {e:String}",
      { e: rina.id },
    );
    expect(dim!.unit).toBe(moved.unitId);
  });

  it("imports unattended (command line, inbox) with the saved mapping; a file needing a mapping waits as a preview", async () => {
    const ok = await importMasterUnattended(s.db, s.dataDir, actor, {
      kind: "EMPLOYEES",
      fileName: "pegawai-contoh.csv",
      bytes: sample("pegawai-contoh.csv"),
      opts: { asOf: AS_OF, complete: false },
    });
    expect(ok).toMatchObject({ ok: true, plan: { counts: { rows: 15, problems: 1 } } });
    const unknown = new TextEncoder().encode(
      "NIP;Nama Pegawai;Tempat Tugas\n199001012015011009;Coba;Dinas Pendidikan\n",
    );
    const waiting = await importMasterUnattended(s.db, s.dataDir, actor, {
      kind: "EMPLOYEES",
      fileName: "lain.csv",
      bytes: unknown,
      opts: { asOf: AS_OF, complete: false },
    });
    expect(waiting).toMatchObject({ ok: false, missing: ["unitCode|unitName"] });
    expect((await s.db.masterImport.findUniqueOrThrow({ where: { id: waiting.importId! } })).status).toBe("PREVIEW");
  });

  it("a unit of the same name under another parent is another unit, never the one Pantau has", async () => {
    // Pantau has "Sekretariat Dinas Pendidikan" etc.; a list without codes names two "Sekretariat"s by parent
    const rows: unknown[][] = [
      ["Nama Unit", "Unit Induk"],
      ["Sekretariat", "Dinas Pendidikan"],
      ["Sekretariat", "Dinas Kesehatan"],
    ];
    const imp = await receive("UNITS", "sekretariat.xlsx", await xlsx(rows));
    const first = await preview(imp.id);
    expect(first.plan!.counts).toMatchObject({ unitsCreated: 2, unitsUpdated: 0, problems: 0 });
    await applyMaster(s.db, s.dataDir, actor, imp.id, { asOf: AS_OF, complete: false });
    const sek = await s.db.unit.findMany({ where: { name: "Sekretariat" }, include: { parent: true } });
    expect(sek.map((u) => u.parent?.code).sort()).toEqual(["DINKES", "DISDIK"]);
    // the same list again resolves each row to its own unit; the same row twice is refused
    const again = await receive(
      "UNITS",
      "sekretariat-2.xlsx",
      await xlsx([...rows, ["Sekretariat", "Dinas Kesehatan"]]),
    );
    const second = await preview(again.id);
    expect(second.plan!.counts).toMatchObject({ unitsCreated: 0, unitsUpdated: 0, problems: 1 });
    expect(second.plan!.problems[0]).toMatchObject({ line: 4, key: "master.reason.unitTwice" });
    await cancelMaster(s.db, s.dataDir, again.id);
  });

  it("complete mode never deactivates a person or a unit whose row is in the file but refused", async () => {
    const dewi = PILOT_PEOPLE[4]!;
    const rows: unknown[][] = [
      ["NIP", "Nama", "Unit Kerja", "TMT CPNS"],
      [nipOf(dewi), "Dewi Lestari, S.Sos.", "Sekretariat Dinas Pendidikan", "31/02/2010"], // a typo: refused
    ];
    const imp = await receive("EMPLOYEES", "salah-ketik.xlsx", await xlsx(rows));
    const { plan } = await preview(imp.id, { asOf: AS_OF, complete: true });
    expect(plan!.counts).toMatchObject({ problems: 1, employeesDeactivated: 0 });
    await cancelMaster(s.db, s.dataDir, imp.id);
    const units = await receive(
      "UNITS",
      "sotk-salah.xlsx",
      await xlsx([
        ["Kode Unit", "Nama Unit", "Kode Induk"],
        ["SETDA", "Sekretariat Daerah", ""],
        ["SMPN1", "SMP Negeri 1 Contoh", "DISDKI"],
      ]),
    );
    const u = await preview(units.id, { asOf: AS_OF, complete: true });
    expect(u.plan!.problems[0]).toMatchObject({ key: "master.reason.parentUnknown" });
    expect(u.plan!.units.filter((x) => !x.active).map((x) => x.code)).not.toContain("SMPN1");
    await cancelMaster(s.db, s.dataDir, units.id);
  });

  it("two applies of one preview (two tabs) apply it once; a cancel after an apply keeps it", async () => {
    const rows: unknown[][] = [
      ["NIP", "Nama", "Unit Kerja"],
      ["199002022015012008", "Dua Tab", "Dinas Pendidikan"],
    ];
    const imp = await receive("EMPLOYEES", "dua-tab.xlsx", await xlsx(rows));
    const [a, b] = await Promise.all([
      applyMaster(s.db, s.dataDir, actor, imp.id, { asOf: AS_OF, complete: false }),
      applyMaster(s.db, s.dataDir, actor, imp.id, { asOf: AS_OF, complete: false }),
    ]);
    expect([a, b].filter((r) => "plan" in r)).toHaveLength(1);
    expect([a, b].filter((r) => !("plan" in r))).toEqual([{ error: "done" }]);
    expect(await s.db.employee.count({ where: { nip: "199002022015012008" } })).toBe(1);
    expect(await s.db.auditLog.count({ where: { action: "master.apply", entityId: String(imp.id) } })).toBe(1);
    expect(await cancelMaster(s.db, s.dataDir, imp.id)).toBe(false);
    expect((await s.db.masterImport.findUniqueOrThrow({ where: { id: imp.id } })).status).toBe("APPLIED");
  });

  it("a saved mapping keeps its column when two columns share a name", async () => {
    const rows: unknown[][] = [
      ["NIP", "Nama", "Nama", "Jabatan"],
      ["199003032015011009", "Sama Nama", "Dinas Kesehatan", "Staf"],
    ];
    const imp = await receive("EMPLOYEES", "dua-nama.xlsx", await xlsx(rows));
    const first = await preview(imp.id);
    await saveMapping(s.db, regionId, "EMPLOYEES", imp.id, first.file, { ...first.file.map, unitName: 2 });
    const next = await receive("EMPLOYEES", "dua-nama-2.xlsx", await xlsx(rows));
    const { file, plan } = await preview(next.id);
    expect(file.map).toMatchObject({ name: 1, unitName: 2 });
    expect(plan!.employees[0]!.after).toMatchObject({ name: "Sama Nama" });
    expect(plan!.counts.unitsCreated).toBe(0);
    await cancelMaster(s.db, s.dataDir, imp.id);
    await cancelMaster(s.db, s.dataDir, next.id);
  });

  it("bad rows say which line and why; the good rows of the same file still import", async () => {
    const rows: unknown[][] = [
      ["NIP", "Nama", "Unit Kerja", "TMT CPNS", "Jenis Pegawai"],
      ["12345", "Terlalu Pendek", "Dinas Pendidikan", "", "PNS"],
      ["199001012015011001", "Tanggal Salah", "Dinas Pendidikan", "31/02/2015", "PNS"],
      ["199001012015011002", "", "Dinas Pendidikan", "", "PNS"],
      ["199001012015011003", "Baru Satu", "Dinas Pendidikan", "", "PNS"],
      ["199001012015011003", "Baru Dua", "Dinas Pendidikan", "", "PNS"],
      ["199001012015011004", "Tanpa Unit", "", "", "PNS"],
      ["199001012015011005", "Jenis Aneh", "Dinas Pendidikan", "", "Honorer"],
      ["199001012015131006", "NIP Bulan 13", "Dinas Pendidikan", "", ""],
      ["199001012015011007", "Unit Baru", "UPT Pendidikan Wilayah 3", "", "PNS"],
      // PPPK numbers on their own layout: agreement digits 24 are no month, a sex digit 3 is refused
      ["199009132025242014", "PPPK Paruh Waktu", "Dinas Pendidikan", "01/01/2025", "PPPK"],
      ["199009132025243015", "PPPK Salah", "Dinas Pendidikan", "01/01/2025", "PPPK"],
    ];
    const imp = await receive("EMPLOYEES", "buruk.xlsx", await xlsx(rows));
    const { plan } = await preview(imp.id);
    expect(plan!.problems.map((p) => [p.line, p.field, p.key])).toEqual([
      [2, "nip", "master.reason.nip.length"],
      [3, "appointedOn", "master.reason.date"],
      [4, "name", "master.reason.name"],
      [6, "nip", "master.reason.nipTwice"],
      [7, "unitName", "master.reason.unitMissing"],
      [8, "type", "master.reason.type"],
      [9, "nip", "master.reason.nipNotPns"],
      [12, "nip", "master.reason.nip.sex"],
    ]);
    expect(plan!.counts).toMatchObject({ employeesCreated: 3, unitsCreated: 1 });
  });
});
