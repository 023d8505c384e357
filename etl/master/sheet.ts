// Reading a table as regions export it from SIASN, their SIMPEG or by hand in Excel: .xlsx (the first
// worksheet, read as a stream by exceljs) or CSV/text. Real files have title rows above the header
// ("DAFTAR PEGAWAI … KEADAAN PER 1 NOVEMBER 2026"), a header whose cells are merged over two rows
// ("Gelar" over "Depan" | "Belakang"), numbers and dates as Excel stores them. This module finds the
// header and hands back cells as they were typed; what a cell means is the caller's business.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { decodeText, headerKey, readCsv } from "../extract/sources/csv";

/** A cell as the file holds it: text, a number (Excel), a date (a date-formatted Excel cell) or nothing. */
export type Cell = string | number | Date | null;

export interface SheetRow {
  /** The row's number as Excel or a text editor shows it. */
  line: number;
  cells: Cell[];
}

export interface Table {
  /** The header cells (two merged rows combined: "Gelar Depan"). */
  header: string[];
  /** The line of the (last) header row. */
  headerLine: number;
  rows: SheetRow[];
  /** Lines above the header that were skipped (titles, notes). */
  skipped: number;
}

export class SheetError extends Error {
  constructor(
    readonly key: "master.error.unreadable" | "master.error.empty" | "master.error.noHeader" | "master.error.format",
    cause?: unknown,
  ) {
    super(key, { cause });
    this.name = "SheetError";
  }
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // a zip file
const XLS_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // the old binary .xls (OLE2)

export function isXlsx(bytes: Uint8Array): boolean {
  return XLSX_MAGIC.every((b, i) => bytes[i] === b);
}

/** How many leading rows are looked at for the header. */
const HEADER_SEARCH_ROWS = 30;

function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string") return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellOf((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("error" in v) return null;
  }
  return String(v);
}

/** Every row of the first worksheet of an .xlsx file, streamed (a 40,000-row export never sits in memory as a workbook). */
export async function readXlsxRows(bytes: Uint8Array, limit = Infinity): Promise<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "emit",
    },
  );
  const rows: SheetRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row as ExcelJS.Row).values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i] ?? null));
        rows.push({ line: (row as ExcelJS.Row).number, cells });
        if (rows.length >= limit) break;
      }
      break; // the first worksheet is the export
    }
  } catch (streamErr) {
    // exceljs's streaming reader now and then reads a worksheet before the workbook part it needs (about
    // 1 in 200 small files here: "reading 'sheets' of undefined"), and it needs a zip in Excel's own part
    // order: the whole-workbook reader, which has neither limit, reads the file instead.
    try {
      return await readXlsxWhole(bytes, limit);
    } catch {
      throw new SheetError("master.error.unreadable", streamErr);
    }
  }
  return rows;
}

/** The fallback of readXlsxRows; it must give the same rows (tested on the samples). */
export async function readXlsxWhole(bytes: Uint8Array, limit = Infinity): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (rows.length >= limit) return;
    // as the streaming reader (and the file) has them: a merged range's value in its first cell only
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.isMerged && cell.master !== cell ? null : cellOf(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows.push({ line: row.number, cells });
  });
  return rows;
}

function readTextRows(bytes: Uint8Array): SheetRow[] {
  const text = decodeText(bytes);
  // Title rows above the header have fewer delimiters than the header: detect it on the widest early line.
  const lines = text.split("\n", HEADER_SEARCH_ROWS);
  const widest = lines.reduce((a, b) => (b.split(/[;,\t]/).length > a.split(/[;,\t]/).length ? b : a), "");
  const delimiter = ([";", ",", "\t"] as const).reduce(
    (best, d) => (widest.split(d).length > widest.split(best).length ? d : best),
    ";" as ";" | "," | "\t",
  );
  const rows: SheetRow[] = [];
  for (const r of readCsv(text, delimiter))
    rows.push({ line: r.line, cells: r.fields.map((f) => (f === "" ? null : f)) });
  return rows;
}

/** The rows of a file, whichever format it is in (only the first `limit` rows, read as far as needed, when given). */
export async function readRows(bytes: Uint8Array, limit?: number): Promise<SheetRow[]> {
  if (bytes.length === 0) throw new SheetError("master.error.empty");
  if (XLS_MAGIC.every((b, i) => bytes[i] === b)) throw new SheetError("master.error.format");
  const rows = isXlsx(bytes)
    ? await readXlsxRows(bytes, limit)
    : readTextRows(limit ? bytes.subarray(0, Math.min(bytes.length, 64 * 1024)) : bytes).slice(0, limit);
  return rows.filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ""));
}

export function cellText(c: Cell): string {
  if (c === null) return "";
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

/**
 * Finds the header among the first rows: the row (or two rows, when cells were merged over them) whose
 * cells name the most known columns. `known` answers whether a header text names a column.
 */
export function findHeader(rows: SheetRow[], known: (key: string) => boolean): Table {
  let best = { score: 0, index: -1, header: [] as string[], span: 1 };
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  const score = (header: string[]) => new Set(header.map(headerKey).filter((k) => k && known(k))).size;
  for (let i = 0; i < limit; i++) {
    const top = rows[i]!.cells.map(cellText);
    const s1 = score(top);
    if (s1 > best.score) best = { score: s1, index: i, header: top, span: 1 };
    const next = rows[i + 1];
    if (!next || i + 1 >= limit) continue;
    // Two header rows: a merged cell leaves its value in its first column only; carry it to the right
    // over the columns the lower row names ("Gelar" | "" over "Depan" | "Belakang").
    const bottom = next.cells.map(cellText);
    const width = Math.max(top.length, bottom.length);
    const combined: string[] = [];
    let carry = "";
    for (let c = 0; c < width; c++) {
      const t = top[c] ?? "";
      const b = bottom[c] ?? "";
      if (t) carry = t;
      else if (!b) carry = "";
      combined.push(b ? (t || carry ? `${t || carry} ${b}` : b) : t);
    }
    // Also accept the lower row's own name where the combination is unknown ("No" over "Urut").
    const merged = combined.map((h, c) =>
      known(headerKey(h)) ? h : known(headerKey(bottom[c] ?? "")) ? bottom[c]! : h,
    );
    // Only when the combination names more columns than either row alone (a title row above the header adds none).
    const s2 = score(merged);
    if (s2 > Math.max(s1, score(bottom)) && s2 > best.score)
      best = { score: s2, index: i + 1, header: merged, span: 2 };
  }
  if (best.index === -1 || best.score < 2)
    throw new SheetError(rows.length ? "master.error.noHeader" : "master.error.empty");
  const headerRow = rows[best.index]!;
  return {
    header: best.header,
    headerLine: headerRow.line,
    rows: rows.slice(best.index + 1),
    skipped: best.index + 1 - best.span,
  };
}

/** The header as found, or — when no known column is named — the row with the most filled cells, for mapping by hand. */
export function tableOf(rows: SheetRow[], known: (key: string) => boolean): Table {
  try {
    return findHeader(rows, known);
  } catch (err) {
    if (!(err instanceof SheetError) || err.key !== "master.error.noHeader") throw err;
    const filled = (r: SheetRow) => r.cells.filter((c) => cellText(c)).length;
    let best = 0;
    for (let i = 1; i < Math.min(rows.length, 30); i++) if (filled(rows[i]!) > filled(rows[best]!)) best = i;
    return {
      header: rows[best]!.cells.map(cellText),
      headerLine: rows[best]!.line,
      rows: rows.slice(best + 1),
      skipped: best,
    };
  }
}

// ---- values as Excel and people write them ----

/** Days between Excel's 1900 date system epoch (with its 1900-02-29 bug) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  peb: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  agus: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nop: 11,
  november: 11,
  nopember: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
};

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d)
    return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A date as a cell holds it → "yyyy-mm-dd", or null. Excel date cells, Excel serial numbers (as a
 * number or as text, e.g. 31048 for 1 Jan 1985), dd-mm-yyyy / dd/mm/yyyy / dd.mm.yyyy, ISO, and
 * "12 Maret 1985" / "12 Mar 1985" in Indonesian or English.
 */
export function dateOfCell(c: Cell): string | null {
  if (c === null) return null;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  // a serial as text only with five digits (10000 is 1927-05-18): "1985" is a year, not a date
  const serial = typeof c === "number" ? c : /^\d{5}(\.\d+)?$/.test(c.trim()) ? Number(c.trim()) : null;
  if (serial !== null) {
    // 1900-03-01 (61) onwards: Excel's phantom 1900-02-29 lies before every date a personnel file holds
    if (serial < 61 || serial > 110000) return null;
    const d = new Date(Math.round((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * 86_400_000));
    return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const t = String(c).trim().replace(/\s+/g, " ");
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(t);
  if (r) return iso(Number(r[1]), Number(r[2]), Number(r[3]));
  r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (r) return iso(Number(r[3]), Number(r[2]), Number(r[1]));
  r = /^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4})$/.exec(t);
  if (r) {
    const m = MONTHS[r[2]!.toLowerCase()];
    return m ? iso(Number(r[3]), m, Number(r[1])) : null;
  }
  return null;
}

export type NipOfCell =
  | { ok: true; nip: string }
  | { ok: false; reason: "master.reason.nipNumber" | "master.reason.nipScientific" | "master.reason.nipMissing" };

/**
 * A NIP as a cell holds it. Excel keeps 15 significant digits of a number, so an 18-digit NIP typed
 * into a number cell has already lost its last digits (it shows as 1,98902E+17): such a cell is
 * refused with a reason that says to format the column as text, never guessed at.
 */
export function nipOfCell(c: Cell): NipOfCell {
  if (c === null) return { ok: false, reason: "master.reason.nipMissing" };
  if (typeof c === "number") return { ok: false, reason: "master.reason.nipNumber" };
  const t = typeof c === "string" ? c.trim() : cellText(c);
  if (t === "") return { ok: false, reason: "master.reason.nipMissing" };
  if (/^\d+(?:[.,]\d+)?e\+?\d+$/i.test(t)) return { ok: false, reason: "master.reason.nipScientific" };
  // A leading apostrophe is how people force text in Excel; spaces and dots are how they read NIPs aloud.
  return { ok: true, nip: t.replace(/^'/, "").replace(/[\s.]/g, "") };
}
