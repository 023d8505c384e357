import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { translator } from "@/i18n/catalog";
import { REPORT_SCHEMA, type ReportData } from "../schemas";
import { reportPdf } from "./pdf";

const data: ReportData = {
  schema: REPORT_SCHEMA,
  region: { code: "DEMO", name: "Kabupaten Sukamaju (demo)" },
  period: { slug: "2026-10", from: "2026-10-01", to: "2026-10-31" },
  dataAsOf: "2026-11-01T01:00:00.000Z",
  minCell: 5,
  services: Array.from({ length: 11 }, (_, i) => ({
    code: `S${i}`,
    nameId: `Layanan ${i}`,
    nameEn: `Service ${i}`,
    slaDays: 5 + i,
    completed: i % 3 ? 20 + i : null,
    medianDays: i % 3 ? 3 + i : null,
    p90Days: i % 3 ? 6 + i : null,
    slaCompliance: i % 3 ? 0.9 : null,
    suppressed: i % 3 === 0,
  })),
  satisfaction: {
    overall: { respondents: 120, ikm: 82.5, grade: "B", suppressed: false },
    byService: [
      { code: "S1", nameId: "Cuti", nameEn: "Leave", respondents: 40, ikm: 90.1, grade: "A", suppressed: false },
    ],
    byUnit: [{ code: "U1", name: "BKPSDM", respondents: null, ikm: null, grade: null, suppressed: true }],
  },
  units: Array.from({ length: 60 }, (_, i) => ({
    code: `U${i}`,
    name: `Unit ${i}`,
    employees: i % 4 ? 10 + i : null,
    attendanceRate: i % 4 ? 0.93 : null,
    ekinerjaFillRate: i % 4 ? 0.8 : null,
    suppressed: i % 4 === 0,
  })),
};

describe("report PDF", () => {
  it("draws a multi-page PDF in both languages", async () => {
    for (const locale of ["id", "en"] as const) {
      const pdf = await reportPdf(
        data,
        { version: 2, publishedAt: new Date("2026-11-02T02:00:00Z"), changeNote: "Data Oktober terlambat masuk." },
        translator(locale),
        locale,
      );
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.subarray(-6).toString("latin1")).toMatch(/%%EOF/);
      const pages = (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(2); // sixty units do not fit one page: headers repeat on the next
    }
  });

  it("puts 'halaman X dari Y' on every page and adds no blank pages", async () => {
    for (const units of [3, 22, 60, 140]) {
      const pdf = await reportPdf(
        { ...data, units: data.units.concat(data.units, data.units).slice(0, units) },
        { version: 1, publishedAt: null, changeNote: null },
        translator("id"),
        "id",
      );
      const pages = pageTexts(pdf);
      expect(pages.length, `${units} units`).toBeGreaterThanOrEqual(1);
      pages.forEach((text, i) => {
        expect(text, `${units} units, page ${i + 1}`).toContain(`halaman ${i + 1} dari ${pages.length}`);
        // a page with nothing but its footer is a blank page
        expect(
          text.replace(/Pantau · .* · halaman \d+ dari \d+/, "").trim().length,
          `${units} units, page ${i + 1} blank`,
        ).toBeGreaterThan(0);
      });
    }
  });
});

/**
 * The text drawn on each page of a pdfkit PDF, in page order: each page's content stream inflated and
 * its hex strings (pdfkit writes standard-font text as `[<hex> kern <hex>] TJ`) decoded as WinAnsi.
 */
function pageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const objects = new Map<string, string>();
  for (const m of raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  const streamOf = (id: string) => {
    const body = objects.get(id)!;
    const start = raw.indexOf(body) + body.indexOf("stream") + "stream".length;
    const from = raw[start] === "\r" ? start + 2 : start + 1;
    const length = Number(/\/Length (\d+)/.exec(body)![1]);
    const bytes = pdf.subarray(from, from + length);
    return (/\/FlateDecode/.test(body) ? inflateSync(bytes) : bytes).toString("latin1");
  };
  // the page tree's order: /Kids of the root /Pages
  const root = [...objects.values()].find((o) => /\/Type \/Pages/.test(o) && !/\/Parent/.test(o))!;
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(root)![1]!.matchAll(/(\d+) 0 R/g)].map((k) => k[1]!);
  return kids.map((id) => {
    const contents = /\/Contents (\d+) 0 R/.exec(objects.get(id)!)![1]!;
    const stream = streamOf(contents);
    return [...stream.matchAll(/\[([^\]]*)\] TJ/g)]
      .map((tj) =>
        [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, "hex").toString("latin1")).join(""),
      )
      .join("\n");
  });
}
