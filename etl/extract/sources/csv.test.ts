import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { decodeText, detectDelimiter, parseDate, parseLocalDateTime, parseTime, readCsv } from "./csv";
import { attendanceRow } from "./attendance";
import { ekinerjaRow, parsePeriod } from "./ekinerja";
import { detectKind } from "../../run";
import { rng } from "../../generate/random";

describe("reading messy CSV", () => {
  it("drops a UTF-8 BOM and reads Windows-1252 bytes that are not UTF-8", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("a");
    expect(decodeText(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9]))).toBe("José");
  });

  it("finds the delimiter from the header", () => {
    expect(detectDelimiter("NIP;Tanggal;Status")).toBe(";");
    expect(detectDelimiter("nip,date,status")).toBe(",");
    expect(detectDelimiter("nip\tdate\tstatus")).toBe("\t");
  });

  it("splits CRLF lines, skips empty ones, and keeps quoted delimiters, quotes and newlines", () => {
    const text = 'a;b;c\r\n1;"x;y";3\r\n\r\n2;"say ""hi""";"two\r\nlines"\r\n4;5;6';
    const recs = [...readCsv(text)];
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4, 6]);
    expect(recs[1]!.fields).toEqual(["1", "x;y", "3"]);
    expect(recs[2]!.fields).toEqual(["2", 'say "hi"', "two\r\nlines"]);
    expect(recs[3]!.fields).toEqual(["4", "5", "6"]);
  });

  it("quarantines a line whose quote is never closed alone, and reads on from the next line", () => {
    const text = 'nip;status;note\n1;H;"ok"\n2;H;"not closed\n3;H;fine\n4;TK;"two\nlines"\n5;H;last';
    const recs = [...readCsv(text)];
    expect(recs.map((r) => [r.line, r.error ?? null])).toEqual([
      [1, null],
      [2, null],
      [3, "unterminatedQuote"],
      [4, null],
      [5, null],
      [7, null],
    ]);
    expect(recs[2]!.raw).toBe('2;H;"not closed');
    expect(recs[4]!.fields).toEqual(["4", "TK", "two\nlines"]);
    // a stray quote far below does not join the lines between into one record
    const stray = [
      "nip;status;note",
      '1;H;"a',
      ...Array.from({ length: 30 }, (_, i) => `${i + 2};H;x`),
      '99;H;b"',
    ].join("\n");
    const out = [...readCsv(stray)];
    expect(out).toHaveLength(33);
    expect(out[1]).toMatchObject({ line: 2, error: "unterminatedQuote" });
    expect(out[2]).toMatchObject({ line: 3, fields: ["2", "H", "x"] });
    // what spreadsheets write across lines is kept: spaces around quotes, Excel's ="…", a long note
    const sheet = [
      ...readCsv(
        'nip;tanggal;catatan\n="198503122010011003"; 2024-07-01 ; "baris satu\nbaris dua"\n2;x;"' +
          "panjang\n".repeat(40) +
          '"\n3;y;z',
      ),
    ];
    expect(sheet.map((r) => [r.line, r.error ?? null])).toEqual([
      [1, null],
      [2, null],
      [4, null],
      [45, null],
    ]);
    expect(sheet[1]!.fields[2]).toBe(" baris satu\nbaris dua");
    // and a stray quote close below, with the wrong number of fields, neither
    const near = [...readCsv('a;b;c\n1;"x;3\n2;y";3;4\n5;6;7')];
    expect(near.map((r) => [r.line, r.error ?? null])).toEqual([
      [1, null],
      [2, "unterminatedQuote"],
      [3, "unterminatedQuote"],
      [4, null],
    ]);
  });

  it("reads Indonesian and ISO dates, dotted times, and local or zoned date-times", () => {
    expect(parseDate("05/11/2024")).toBe("2024-11-05");
    expect(parseDate("5-1-2024")).toBe("2024-01-05");
    expect(parseDate("2024-11-05")).toBe("2024-11-05");
    expect(parseDate("31/02/2024")).toBeNull();
    expect(parseDate("2024/11/05")).toBeNull();
    expect(parseTime("07.45")).toBe(465);
    expect(parseTime("7:05:59")).toBe(425);
    expect(parseTime("24:00")).toBeNull();
    expect(parseLocalDateTime("03/11/2024 09:15", 7)).toEqual({ date: "2024-11-03", minutes: 555 });
    expect(parseLocalDateTime("2024-11-04T20:30:00Z", 7)).toEqual({ date: "2024-11-05", minutes: 210 });
    expect(parseLocalDateTime("kemarin", 7)).toBeNull();
  });
});

describe("row schemas", () => {
  const att = (o: Partial<Record<string, string>>) =>
    attendanceRow.safeParse({
      nip: "198902192014081001",
      date: "04/11/2024",
      checkIn: "07.10",
      checkOut: "16.00",
      status: "H",
      lateMinutes: "",
      ...o,
    });

  it("accepts a good attendance row and normalises it", () => {
    const r = att({ nip: "19890219 201408 1 001", status: "tl2", checkIn: "08:15", lateMinutes: "45" });
    expect(r.success && r.data).toEqual({
      nip: "198902192014081001",
      date: "2024-11-04",
      checkIn: 495,
      checkOut: 960,
      status: "TL2",
      lateMinutes: 45,
    });
  });

  it.each([
    [{ status: "X" }, "etl.reason.status"],
    [{ date: "31/02/2024" }, "etl.reason.date"],
    [{ checkIn: "7h" }, "etl.reason.time"],
    [{ status: "TL1", lateMinutes: "45" }, "etl.reason.lateBand"],
    [{ status: "H", lateMinutes: "3" }, "etl.reason.lateBand"],
    [{ lateMinutes: "-3" }, "etl.reason.lateMinutes"],
    [{ checkIn: "16.00", checkOut: "07.00" }, "etl.reason.checkOrder"],
    [{ nip: "12345" }, "etl.reason.nip.length"],
  ])("rejects attendance %o with %s", (o, key) => {
    const r = att(o);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(key);
  });

  it("reads e-Kinerja periods and refuses an approval without a submission", () => {
    expect(parsePeriod("10/2024", "monthly")).toBe("2024-10-01");
    expect(parsePeriod("2024-10", "monthly")).toBe("2024-10-01");
    expect(parsePeriod("13/2024", "monthly")).toBeNull();
    expect(parsePeriod("04/11/2024", "daily")).toBe("2024-11-04");
    const bad = ekinerjaRow.safeParse({
      nip: "198902192014081001",
      period: "2024-11-04",
      kind: "harian",
      submittedAt: "",
      approval: "disetujui",
    });
    expect(bad.error?.issues[0]?.message).toBe("etl.reason.approvalWithoutSubmission");
    const ok = ekinerjaRow.safeParse({
      nip: "198902192014081001",
      period: "10/2024",
      kind: "Realisasi Bulanan",
      submittedAt: "",
      approval: "",
    });
    expect(ok.success && ok.data).toMatchObject({ kind: "monthly", period: "2024-10-01", approval: "none" });
  });
});

describe("which export a file is", () => {
  it.each([
    ["absensi-2026-10.csv", "", "ATTENDANCE"],
    ["Rekap_Kehadiran_Oktober.csv", "", "ATTENDANCE"],
    ["ekinerja-okt.csv", "", "EKINERJA"],
    ["export.csv", "NIP;Tanggal;Jam Masuk;Jam Pulang;Status", "ATTENDANCE"],
    ["export.csv", "nip,periode,jenis,waktu_kirim", "EKINERJA"],
    ["export.csv", "a,b,c", null],
  ])("%s with header %j is %s", (name, head, kind) => {
    expect(detectKind({ path: `/x/${name}` }, head)).toBe(kind);
  });
});

describe("the reader against csv-parse on well-formed files", () => {
  const PIECES = ["a", "Budi", "07.30", "", " ", ";", ",", '"', '""', "\n", "\r\n", "é", "=1", "x y"];

  it.each([";", ",", "\t"] as const)("reads the same fields as csv-parse (delimiter %j)", (d) => {
    const next = rng(d.charCodeAt(0));
    const field = () => {
      let s = "";
      for (let n = Math.floor(next() * 4); n > 0; n--) s += PIECES[Math.floor(next() * PIECES.length)];
      return s;
    };
    const records: string[][] = [["nip", "nama", "catatan"]];
    for (let i = 0; i < 400; i++) records.push([String(i), field(), field()]);
    // quoted only where needed, as a spreadsheet writes it; a record of one empty field is left out
    const enc = (f: string) => (/["\r\n]/.test(f) || f.includes(d) ? `"${f.replace(/"/g, '""')}"` : f);
    const text = records.map((r) => r.map(enc).join(d)).join(next() < 0.5 ? "\n" : "\r\n");
    const ours = [...readCsv(text, d)];
    const theirs = parse(text, { delimiter: d, relax_column_count: true }) as string[][];
    expect(ours.every((r) => r.error === undefined)).toBe(true);
    expect(ours.map((r) => r.fields)).toEqual(theirs);
    expect(ours.map((r) => r.fields)).toEqual(records);
  });
});
