import { describe, expect, it } from "vitest";
import { filterQuery, periodFromUrl, unitLink } from "./filter";

describe("the dashboards' filter in a URL", () => {
  it("writes Indonesian names and values, and reads both those and the English ones of older links", () => {
    expect(
      filterQuery({ period: "custom", from: "2026-01-01", to: "2026-03-31", unitId: "u1", serviceTypeId: "s1" }),
    ).toBe("?periode=rentang&dari=2026-01-01&sampai=2026-03-31&unit=u1&layanan=s1");
    expect(filterQuery({ period: "lastMonth" })).toBe("?periode=bulan-lalu");
    expect(unitLink({ period: "year", unitId: "x", serviceTypeId: "y" }, "u 2")).toBe(
      "/dasbor/unit/u%202?periode=tahun-ini",
    );
    expect(periodFromUrl("triwulan-ini")).toBe("quarter");
    expect(periodFromUrl("quarter")).toBe("quarter");
    expect(periodFromUrl("rentang")).toBe("custom");
    expect(periodFromUrl("bulan-depan")).toBe("bulan-depan"); // the schema refuses it and says why
    expect(periodFromUrl(undefined)).toBeUndefined();
  });
});
