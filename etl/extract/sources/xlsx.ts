// Attendance and e-Kinerja exports saved as Excel: the first worksheet becomes the CSV text the
// parser already reads, with every row on its Excel row number (blank lines fill the gaps, and the
// parser counts but skips them), so a quarantined row still says the row a person sees in Excel.
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { cellText, isXlsx, readRows, SheetError, tableOf, type Cell } from "../../master/sheet";
import { attendanceFormat } from "./attendance";
import { headerKey } from "./csv";
import { ekinerjaFormat } from "./ekinerja";

const KNOWN = new Set([...attendanceFormat.columns, ...ekinerjaFormat.columns].flatMap((c) => c.names.map(headerKey)));

/** A header text names a column of the attendance or the e-Kinerja export. */
export const knownSourceHeader = (key: string) => KNOWN.has(key);

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell as the CSV parser expects it: dates as yyyy-mm-dd, date-times as yyyy-mm-dd hh:mm, Excel times as hh:mm. */
function csvValue(c: Cell): string {
  if (c instanceof Date) {
    // exceljs gives the wall-clock value as UTC; a bare time is a date in Excel's 1899-12-30 epoch
    const hm = `${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
    if (c.getUTCFullYear() < 1900) return hm;
    const day = c.toISOString().slice(0, 10);
    return c.getUTCHours() || c.getUTCMinutes() ? `${day} ${hm}` : day;
  }
  const v = cellText(c);
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export async function xlsxToCsv(bytes: Uint8Array): Promise<string> {
  const rows = await readRows(bytes);
  if (rows.length === 0) throw new SheetError("master.error.empty");
  const table = tableOf(rows, knownSourceHeader);
  const out: string[] = [];
  const width = table.header.length;
  let line = 1;
  const put = (at: number, text: string) => {
    while (line < at) {
      out.push("");
      line++;
    }
    out.push(text);
    line++;
  };
  put(table.headerLine, table.header.map((h) => csvValue(h)).join(","));
  for (const r of table.rows)
    put(r.line, Array.from({ length: width }, (_, i) => csvValue(r.cells[i] ?? null)).join(","));
  return out.join("\n") + "\n";
}

/** When the file is an .xlsx, writes its CSV next to `target` and returns that path; otherwise the file itself. */
export async function asCsvFile(file: string, target: string): Promise<string> {
  const head = Buffer.alloc(4);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (!isXlsx(head)) return file;
  writeFileSync(target, await xlsxToCsv(new Uint8Array(readFileSync(file))));
  return target;
}
