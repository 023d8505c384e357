import { describe, expect, it } from "vitest";
import { translator } from "@/i18n/catalog";
import { REPORT_SCHEMA, type ReportData } from "../schema";
import { reportPdf } from "./pdf";

const data: ReportData = {
  schema: REPORT_SCHEMA,
  region: { code: "DEMO", name: "Kabupaten Sukamaju (demo)" },
  period: { slug: "2026-10", from: "2026-10-01", to: "2026-10-31" },
  dataAsOf: "2026-11-01T01:00:00.000Z",
  minCell: 5,
  services: Array.from({ length: 11 }, (_, i) => ({ code: `S${i}`, nameId: `Layanan ${i}`, nameEn: `Service ${i}`, slaDays: 5 + i, completed: i % 3 ? 20 + i : null, medianDays: i % 3 ? 3 + i : null, p90Days: i % 3 ? 6 + i : null, slaCompliance: i % 3 ? 0.9 : null, suppressed: i % 3 === 0 })),
  satisfaction: {
    overall: { respondents: 120, ikm: 82.5, grade: "B", suppressed: false },
    byService: [{ code: "S1", nameId: "Cuti", nameEn: "Leave", respondents: 40, ikm: 90.1, grade: "A", suppressed: false }],
    byUnit: [{ code: "U1", name: "BKPSDM", respondents: null, ikm: null, grade: null, suppressed: true }],
  },
  units: Array.from({ length: 60 }, (_, i) => ({ code: `U${i}`, name: `Unit ${i}`, employees: i % 4 ? 10 + i : null, attendanceRate: i % 4 ? 0.93 : null, ekinerjaFillRate: i % 4 ? 0.8 : null, suppressed: i % 4 === 0 })),
};

describe("report PDF", () => {
  it("draws a multi-page PDF in both languages", async () => {
    for (const locale of ["id", "en"] as const) {
      const pdf = await reportPdf(data, { version: 2, publishedAt: new Date("2026-11-02T02:00:00Z"), changeNote: "Data Oktober terlambat masuk." }, translator(locale), locale);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.subarray(-6).toString("latin1")).toMatch(/%%EOF/);
      const pages = (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(2); // sixty units do not fit one page: headers repeat on the next
    }
  });
});
