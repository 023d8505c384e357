// An uploaded export whose header the formats do not know: its columns, with samples, for HR to map
// once per header row (saved as an ImportMapping the parser then applies; docs/source-files.md).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ImportKind } from "@/generated/prisma/enums";
import { env } from "@/env";
import type { Db } from "@/server/db/client";
import { columnSamples } from "../../../../etl/master/master";
import type { Table } from "../../../../etl/master/sheet";
import { attendanceFormat } from "../../../../etl/extract/sources/attendance";
import { ekinerjaFormat } from "../../../../etl/extract/sources/ekinerja";
import { xlsxToCsv } from "../../../../etl/extract/sources/xlsx";
import { readCsv, decodeText } from "../../../../etl/extract/sources/csv";

export const SOURCE_FORMATS = { ATTENDANCE: attendanceFormat, EKINERJA: ekinerjaFormat } as const;

/** The header row as the parser will see it: an .xlsx's found header, a CSV's first line. */
export async function uploadTable(storedPath: string): Promise<Table | null> {
  const file = path.join(env().dataDir, storedPath);
  if (!existsSync(file)) return null;
  const bytes = new Uint8Array(readFileSync(file));
  const text = storedPath.endsWith(".xlsx") ? await xlsxToCsv(bytes) : decodeText(bytes);
  const rows = [...readCsv(text)].map((r) => ({ line: r.line, cells: r.fields.map((f) => (f === "" ? null : f)) }));
  if (rows.length === 0) return null;
  // the first record is the header for the parser (an .xlsx's title rows are already left out)
  return { header: rows[0]!.cells.map((c) => c ?? ""), headerLine: rows[0]!.line, rows: rows.slice(1), skipped: 0 };
}

export async function uploadMappingView(db: Db, id: string, kindParam?: string) {
  const upload = await db.sourceUpload.findUnique({ where: { id } });
  if (!upload || upload.status !== "REFUSED") return null;
  const table = await uploadTable(upload.storedPath);
  if (!table) return null;
  const kind: ImportKind =
    kindParam === "EKINERJA" || kindParam === "ATTENDANCE"
      ? kindParam
      : /kinerja|skp/i.test(upload.fileName)
        ? "EKINERJA"
        : "ATTENDANCE";
  return { upload, kind, header: table.header, samples: columnSamples(table), fields: SOURCE_FORMATS[kind].columns };
}
