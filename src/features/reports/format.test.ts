// A report's values are rounded once, where they are read: 6 of 11 within the standard is 54,5%.
import { describe, expect, it } from "vitest";
import { translator } from "@/i18n/catalog";
import { cellText, ikmCellText, longRows } from "./format";
import { REPORT_SCHEMA, type ReportData } from "./schemas";

const t = translator("id");
const data = (slaCompliance: number): ReportData => ({
  schema: REPORT_SCHEMA,
  region: { code: "DEMO", name: "Kabupaten Demo" },
  period: { slug: "2026-10", from: "2026-10-01", to: "2026-10-31" },
  dataAsOf: "2026-11-01T00:00:00.000Z",
  minCell: 5,
  services: [
    {
      code: "KGB",
      nameId: "Kenaikan gaji berkala",
      nameEn: "Periodic pay rise",
      slaDays: 10,
      completed: 11,
      medianDays: 6,
      p90Days: 9,
      slaCompliance,
      suppressed: false,
    },
  ],
  satisfaction: {
    overall: {
      respondents: 40,
      ikm: 88.30555555555556,
      grade: "B",
      suppressed: false,
      standing: "sufficient",
      minimum: 30,
    },
    byService: [
      {
        code: "KGB",
        nameId: "Kenaikan gaji berkala",
        nameEn: "Periodic pay rise",
        respondents: 12,
        ikm: null,
        grade: null,
        suppressed: false,
        standing: "insufficient",
        minimum: 30,
      },
    ],
    byUnit: [],
  },
  units: [],
});

describe("report values", () => {
  it("shows 6 of 11 as 54,5% from the full ratio (0.5455 would read 54,6%)", () => {
    expect(cellText(6 / 11, false, "percent", t, "id")).toBe("54,5%");
    expect(cellText(6 / 11, false, "percent", t, "en")).toBe("54.5%");
    expect(cellText(0.5455, false, "percent", t, "id")).toBe("54,6%"); // what rounding before storing did
    const rows = longRows(data(6 / 11), "id");
    expect(rows.find((r) => r[3] === "kepatuhan_sla")![4]).toBe(6 / 11);
  });

  it("shows an IKM to two decimals at display only, and too few respondents as such", () => {
    const d = data(1);
    expect(ikmCellText(d.satisfaction.overall, t, "id")).toBe("88,31"); // stored 88.3055…, graded B on the full value
    expect(ikmCellText(d.satisfaction.byService[0]!, t, "id")).toBe("Data belum cukup");
    expect(
      longRows(d, "id")
        .filter((r) => r[3] === "kecukupan_sampel")
        .map((r) => r[4]),
    ).toEqual(["sufficient", "insufficient"]);
  });
});
