import { describe, expect, it } from "vitest";
import { parseFields } from "./forms";

describe("a service's form fields", () => {
  it("drops NUL and other control characters from what people type (the database refuses NUL), keeping line ends", () => {
    const r = parseFields("MUTASI", {
      destination: "Dinas\u0000 Kesehatan",
      reason: "Ikut suami\r\npindah\u0007 tugas",
    });
    expect(r).toEqual({ ok: true, data: { destination: "Dinas Kesehatan", reason: "Ikut suami\r\npindah tugas" } });
  });

  it("a field that is only control characters is empty, so a required one is asked for", () => {
    expect(parseFields("MUTASI", { destination: "\u0000\u0000", reason: "x" })).toEqual({
      ok: false,
      errors: { destination: { key: "requests.error.required" } },
    });
  });
});
