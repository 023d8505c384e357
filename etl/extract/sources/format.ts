// What a source file format is: its columns (with the names other systems use for them) and the zod
// schema each row must pass. Reasons for rejecting a row are message-catalog keys, so a quarantined
// row can say why in Indonesian and in English.
import { z } from "zod";
import type { MessageKey } from "@/i18n/catalog";
import { headerKey, parseDate, parseTime } from "./csv";
import { normalizeNip } from "@/lib/domain/nip";

export interface ColumnSpec {
  /** Field name in the row object. */
  field: string;
  /** Accepted header names, compared loosely (headerKey). The first is the documented name. */
  names: readonly string[];
  required: boolean;
}

export interface SourceFormat<Row> {
  kind: "ATTENDANCE" | "EKINERJA";
  columns: readonly ColumnSpec[];
  schema: z.ZodType<Row, Record<string, string>>;
}

export type HeaderMap = { field: string; index: number }[];

/** Matches a header line against the format; returns the column positions or the missing required columns. */
export function mapHeader(
  format: SourceFormat<unknown>,
  header: readonly string[],
): { map: HeaderMap } | { missing: string[] } {
  const keys = header.map(headerKey);
  const map: HeaderMap = [];
  const missing: string[] = [];
  for (const col of format.columns) {
    const index = keys.findIndex((k) => col.names.some((n) => headerKey(n) === k));
    if (index === -1) {
      if (col.required) missing.push(col.names[0]!);
    } else map.push({ field: col.field, index });
  }
  return missing.length ? { missing } : { map };
}

export function fieldsToObject(map: HeaderMap, fields: readonly string[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (let i = 0; i < map.length; i++) {
    const { field, index } = map[i]!;
    const v = fields[index] ?? "";
    // trim only when there is something to trim (most exports have none)
    o[field] = v.length && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
  }
  return o;
}

export type RowReason = { key: MessageKey; field?: string; vars?: Record<string, string | number> };

/** The first problem zod found, as a catalog key and the field it concerns. */
export function reasonFromZod(error: z.ZodError): RowReason {
  const issue = error.issues[0];
  const field = issue?.path[0] !== undefined ? String(issue.path[0]) : undefined;
  const msg = issue?.message ?? "";
  if (isReasonKey(msg)) return { key: msg, field };
  return { key: "etl.reason.invalid", field, vars: { detail: msg } };
}

function isReasonKey(s: string): s is MessageKey {
  return s.startsWith("etl.reason.");
}

// ---- field schemas shared by the formats ----

export const nipField = z
  .string()
  .transform(normalizeNip)
  .pipe(z.string().regex(/^\d{18}$/, "etl.reason.nip.length"));

export const dateField = z.string().transform((s, ctx) => {
  const d = parseDate(s);
  if (!d) {
    ctx.addIssue({ code: "custom", message: "etl.reason.date" });
    return z.NEVER;
  }
  return d;
});

export const optionalTimeField = z.string().transform((s, ctx) => {
  if (s === "" || s === "-") return null;
  const t = parseTime(s);
  if (t === null) {
    ctx.addIssue({ code: "custom", message: "etl.reason.time" });
    return z.NEVER;
  }
  return t;
});
