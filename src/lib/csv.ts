// CSV for people who open it in Excel set to Indonesian: semicolons between fields, decimal commas,
// a UTF-8 BOM so names keep their letters. Fields with a separator, quote or line break are quoted.

/** `{ excelText }`: digits Excel must keep as text (a NIP), written as the formula ="…" on purpose. */
export type Cell = string | number | null | undefined | { excelText: string };

function cell(v: Cell): string {
  if (v === null || v === undefined) return "";
  let s: string;
  if (typeof v === "object") s = `="${v.excelText.replace(/"/g, "")}"`;
  else if (typeof v === "number") s = Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6))).replace(".", ",");
  // text that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe
  else s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvOf(rows: Cell[][]): string {
  return "\ufeff" + rows.map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
}

export function downloadCsv(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
