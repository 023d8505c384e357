// Reading the exports other systems give us, as they really are: UTF-8 with or without a BOM (or
// Excel's Windows-1252), comma, semicolon or tab delimiters, CRLF or LF, quoted fields.
//
// Kept as Pantau's own for speed, measured (npm run bench:csv, 1 M attendance rows, 4 Dec 2026):
// csv-parse with the line numbers and raw lines the quarantine needs took 7.9 s where this reader
// takes 0.9 s with nothing quoted, 8.6 s against 3.1 s with every field quoted — at 18.8 M rows
// a full ETL load would spend about two more CPU minutes reading. Nor does a library resume after an
// unclosed quote at the next line (it reads to the end of the file, or stops), which is the recovery
// below. csv.test.ts holds this reader to csv-parse on generated well-formed files, field for field.

export type Delimiter = "," | ";" | "\t";

export interface CsvRecord {
  /** 1-based line number in the file, as a person opening it in an editor would count. */
  line: number;
  fields: string[];
  raw: string;
  /** Set when the line opens a quote that no later line closes as a record: it is that line alone. */
  error?: "unterminatedQuote";
}

/** A quoted field may run over line ends for this many characters at most (a long note, not a file). */
const MAX_QUOTED_CHARS = 64 * 1024;

/** Bytes → text. A UTF-8 BOM is dropped; bytes that are not UTF-8 are read as Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  let b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return new TextDecoder("windows-1252").decode(b);
  }
}

/** The delimiter that splits the header line into the most columns. */
export function detectDelimiter(headerLine: string): Delimiter {
  let best: Delimiter = ",";
  let most = 0;
  for (const d of [",", ";", "\t"] as const) {
    const n = headerLine.split(d).length;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

/**
 * Splits text into records. Empty lines are skipped; a quoted field may hold delimiters, quotes ("")
 * and newlines. A quote that is never closed — or closed only by a stray quote far below, making a
 * record with the wrong number of fields — does not swallow the lines after it: that line comes out
 * alone, marked, and reading resumes at the next line.
 */
export function* readCsv(text: string, delimiter?: Delimiter): Generator<CsvRecord> {
  const d = delimiter ?? detectDelimiter(text.slice(0, Math.max(0, text.indexOf("\n")) || text.length));
  let pos = 0;
  let line = 1;
  let expected: number | undefined; // the header's field count, once read
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf("\n", pos);
    if (end === -1) end = n;
    let raw = text.slice(pos, end);
    const startLine = line;
    if (raw.includes('"')) {
      // Slow path: a quoted field may run over the line end.
      const firstEnd = end;
      let lines = 1;
      while (countQuotes(raw) % 2 === 1 && end < n && raw.length <= MAX_QUOTED_CHARS) {
        const next = text.indexOf("\n", end + 1);
        const stop = next === -1 ? n : next;
        raw = text.slice(pos, stop);
        end = stop;
        lines++;
      }
      // over several lines only a well-formed record counts: quotes around whole fields, the right field count
      const joined = stripCr(raw);
      const fields =
        countQuotes(raw) % 2 === 1 || (lines > 1 && (!wellQuoted(joined, d) || holdsRecords(joined, d, expected)))
          ? null
          : splitQuoted(joined, d);
      if (lines > 1 && (!fields || (expected !== undefined && fields.length !== expected))) {
        // the quote was never closed as a record: this line alone, marked; the next line reads afresh
        const alone = stripCr(text.slice(pos, firstEnd));
        pos = firstEnd + 1;
        line++;
        yield { line: startLine, fields: splitQuoted(alone, d), raw: alone, error: "unterminatedQuote" };
        continue;
      }
      pos = end + 1;
      line += lines;
      raw = stripCr(raw);
      if (raw.trim() === "") continue;
      const record = fields ?? splitQuoted(raw, d);
      expected ??= record.length;
      yield countQuotes(raw) % 2 === 1
        ? { line: startLine, fields: record, raw, error: "unterminatedQuote" }
        : { line: startLine, fields: record, raw };
      continue;
    }
    pos = end + 1;
    line++;
    raw = stripCr(raw);
    if (raw.trim() === "") continue;
    const fields = raw.split(d);
    expected ??= fields.length;
    yield { line: startLine, fields, raw };
  }
}

function stripCr(s: string) {
  return s.endsWith("\r") ? s.slice(0, -1) : s;
}

function countQuotes(s: string) {
  let c = 0;
  for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) c++;
  return c;
}

function splitQuoted(raw: string, d: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (quoted) {
      if (ch === '"') {
        if (raw[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === d) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * True when a line inside a would-be multi-line field is a whole record on its own (no quote, the
 * header's number of fields): that is a stray quote swallowing records, not a note over several lines.
 */
function holdsRecords(joined: string, d: string, expected: number | undefined): boolean {
  if (expected === undefined || expected < 2) return false;
  const inner = joined.split("\n").slice(1, -1);
  return inner.some((l) => !l.includes('"') && stripCr(l).split(d).length === expected);
}

/**
 * True when every quote in the record opens or closes a whole field (RFC 4180, with what spreadsheets
 * write: spaces around the quotes, and Excel's ="…" for text), so a quote left open on one line that
 * some later stray quote "closes" is not taken for one record.
 */
function wellQuoted(raw: string, d: string): boolean {
  let i = 0;
  for (;;) {
    let j = i;
    while (raw[j] === " ") j++;
    if (raw[j] === "=" && raw[j + 1] === '"') j++;
    if (raw[j] === '"') {
      j++;
      for (;;) {
        if (j >= raw.length) return false;
        if (raw[j] === '"') {
          if (raw[j + 1] === '"') {
            j += 2;
            continue;
          }
          j++;
          break;
        }
        j++;
      }
      while (raw[j] === " ") j++;
      if (j === raw.length) return true;
      if (raw[j] !== d) return false;
      i = j + 1;
    } else {
      const next = raw.indexOf(d, i);
      if (raw.slice(i, next === -1 ? raw.length : next).includes('"')) return false;
      if (next === -1) return true;
      i = next + 1;
    }
  }
}

/** Header names compared loosely: case, spaces, dashes and underscores do not matter. */
export function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_\-./]+/g, "");
}

// ---- values as Indonesian systems write them ----

// Exports repeat the same few dates and times on every row: remember what was parsed.
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size > 20_000) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v as T;
  };
}

/** dd/mm/yyyy, dd-mm-yyyy, d/m/yyyy or ISO yyyy-mm-dd → "yyyy-mm-dd", or null when not a real date. */
export const parseDate = memo(parseDateUncached);

function parseDateUncached(s: string): string | null {
  const t = s.trim();
  let y: number, m: number, d: number;
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (r) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else {
    r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (!r) return null;
    [d, m, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  }
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "07:45", "7.45" or "07:45:10" → minutes after midnight, or null. */
export const parseTime = memo(parseTimeUncached);

function parseTimeUncached(s: string): number | null {
  const r = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?$/.exec(s.trim());
  if (!r) return null;
  const h = Number(r[1]);
  const m = Number(r[2]);
  if (h > 23 || m > 59 || (r[3] !== undefined && Number(r[3]) > 59)) return null;
  return h * 60 + m;
}

/**
 * A local date-time ("25/11/2026 08:15", "2026-11-25 08:15:00", "2026-11-25T08:15") or an ISO instant
 * with an offset ("2026-11-25T01:15:00Z") → { day: "yyyy-mm-dd" local, minutes local } or null.
 */
export function parseLocalDateTime(s: string, offsetHours: number): { date: string; minutes: number } | null {
  const t = s.trim();
  const zoned = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/.exec(t);
  if (zoned) {
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) return null;
    const local = new Date(ms + offsetHours * 3_600_000);
    return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
  }
  const r = /^(\S+)[ T](\S+)$/.exec(t);
  if (!r) return null;
  const date = parseDate(r[1]!);
  const minutes = parseTime(r[2]!);
  if (!date || minutes === null) return null;
  return { date, minutes };
}
