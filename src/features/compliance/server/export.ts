// The compliance list as CSV (semicolons, decimal commas, BOM: Indonesian-locale Excel) and as an Excel
// workbook (real numbers, percentages and dates, so Excel shows them in the reader's locale).
import ExcelJS from "exceljs";
import { csvOf } from "@/lib/csv";
import type { Translate } from "@/i18n/catalog";
import { lastEntryInstant, type ComplianceRow } from "./queries";
import { isoDay, localDay } from "@/lib/domain/working-days";

/** The day of the last entry in Indonesian (WIB) time: an entry at 06:30 WIB is that day, not the UTC day before. */
const localDate = (lastEntry: string) => isoDay(localDay(lastEntryInstant(lastEntry)));

const FOLLOW_UP = { CONTACTED: "compliance.followUp.CONTACTED", RESOLVED: "compliance.followUp.RESOLVED" } as const;

export interface ExportRow extends ComplianceRow {
  followUp: keyof typeof FOLLOW_UP | null;
}

function header(t: Translate): string[] {
  return [
    t("compliance.col.nip"),
    t("compliance.col.name"),
    t("compliance.col.unit"),
    t("compliance.col.due"),
    t("compliance.col.onTime"),
    t("compliance.col.late"),
    t("compliance.col.missing"),
    t("compliance.col.fill"),
    t("compliance.col.streak"),
    t("compliance.col.last"),
    t("compliance.col.followUp"),
    t("compliance.col.excused"),
  ];
}

export function complianceCsv(rows: ExportRow[], t: Translate): string {
  return csvOf([
    header(t),
    ...rows.map((r) => [
      // the NIP as text: Excel would otherwise show 18 digits as 1,98E+17 (csvOf neutralises formulas in names)
      { excelText: r.nip },
      r.name,
      r.unitName,
      r.due,
      r.onTime,
      r.late,
      r.missing,
      r.fillRate === null ? null : Math.round(r.fillRate * 1000) / 10,
      r.streak,
      r.lastEntry ? localDate(r.lastEntry) : "",
      r.followUp ? t(FOLLOW_UP[r.followUp]) : "",
      r.excused,
    ]),
  ]);
}

export async function complianceXlsx(rows: ExportRow[], t: Translate, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Pantau";
  wb.created = new Date();
  const ws = wb.addWorksheet(t("compliance.sheet"), { views: [{ state: "frozen", ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true };
  const head = ws.addRow(header(t));
  head.font = { bold: true };
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: 12 } };
  for (const r of rows) {
    ws.addRow([
      r.nip,
      r.name,
      r.unitName,
      r.due,
      r.onTime,
      r.late,
      r.missing,
      r.fillRate,
      r.streak,
      r.lastEntry ? new Date(`${localDate(r.lastEntry)}T00:00:00Z`) : null,
      r.followUp ? t(FOLLOW_UP[r.followUp]) : null,
      r.excused,
    ]);
  }
  const widths = [22, 32, 36, 10, 12, 10, 12, 12, 12, 14, 18, 14];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(1).numFmt = "@";
  ws.getColumn(8).numFmt = "0.0%";
  ws.getColumn(10).numFmt = "dd/mm/yyyy";
  return Buffer.from(await wb.xlsx.writeBuffer());
}
