import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { catalog, LOCALES, messages, translator, type MessageKey } from "./catalog";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "./format";

describe("message catalog", () => {
  it("has every Indonesian key in English, none empty", () => {
    expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.id).sort());
    for (const [lang, messages] of Object.entries(catalog)) {
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${lang} ${key}`).not.toBe("");
    }
  });

  it("keeps the same placeholders in both languages", () => {
    const vars = (s: string) => [...new Set([...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(catalog.id) as MessageKey[]) {
      expect(vars(catalog.en[key]), key).toEqual(vars(catalog.id[key]));
    }
  });

  it("nests keys by their dots: no key is also the prefix of another, no file key holds a dot", () => {
    const walk = (tree: object, path: string) => {
      for (const [k, v] of Object.entries(tree)) {
        expect(k, `${path}${k}`).not.toContain(".");
        if (typeof v !== "string") {
          expect(v, `${path}${k}`).toBeTypeOf("object");
          walk(v as object, `${path}${k}.`);
        }
      }
    };
    for (const lang of LOCALES) walk(messages[lang], `${lang}: `);
  });

  it("parses every message as ICU and fills every placeholder, in both languages", () => {
    for (const lang of LOCALES) {
      const t = translator(lang);
      for (const key of Object.keys(catalog.id) as MessageKey[]) {
        const text = catalog[lang][key];
        expect(() => new IntlMessageFormat(text, lang), `${lang} ${key}`).not.toThrow();
        const vars = Object.fromEntries([...text.matchAll(/\{(\w+)/g)].map((m) => [m[1]!, 2]));
        const out = t(key, vars);
        expect(out, `${lang} ${key}`).not.toMatch(/\{\w+[,}]/);
      }
    }
  });

  it("keeps ICU plurals valid in both languages and formats them per locale", () => {
    for (const lang of ["id", "en"] as const) {
      const t = translator(lang);
      for (const key of Object.keys(catalog.id) as MessageKey[]) {
        const text = catalog[lang][key];
        if (!/\{\w+, plural,/.test(text)) continue;
        const vars = Object.fromEntries([...text.matchAll(/\{(\w+)/g)].map((m) => [m[1]!, 1]));
        expect(() => t(key, vars), `${lang} ${key}`).not.toThrow();
      }
    }
  });

  it("says one working day, not one working days", () => {
    const en = translator("en");
    expect(en("requests.choose.sla", { days: 1 })).toBe("Done within 1 working day");
    expect(en("requests.choose.sla", { days: 5 })).toBe("Done within 5 working days");
    expect(en("dashboard.days", { value: "1" })).toBe("1 working day");
    expect(en("dashboard.days", { value: "2.5" })).toBe("2.5 working days");
    expect(en("requests.detail.slaText", { sla: 1, used: 0, deadline: "5 Dec 2026" })).toBe(
      "1 working day; used 0, deadline 5 Dec 2026",
    );
    expect(en("requests.error.leave.balance", { remaining: 1, year: "2026", requested: 3 })).toBe(
      "Only 1 working day of 2026 annual leave is left; this request needs 3.",
    );
    expect(translator("id")("requests.choose.sla", { days: 1 })).toBe("Selesai dalam 1 hari kerja");
  });

  it("fills placeholders", () => {
    expect(translator("id")("login.error.THROTTLED", { minutes: 12 })).toBe(
      "Terlalu banyak percobaan gagal. Coba lagi dalam 12 menit.",
    );
    expect(translator("en")("login.error.THROTTLED", { minutes: 12 })).toBe(
      "Too many failed attempts. Try again in 12 minutes.",
    );
    expect(translator("en")("login.error.THROTTLED", { minutes: 1 })).toBe(
      "Too many failed attempts. Try again in 1 minute.",
    );
    expect(translator("id")("login.error.THROTTLED", { minutes: 1 })).toBe(
      "Terlalu banyak percobaan gagal. Coba lagi dalam 1 menit.",
    );
  });
});

describe("Indonesian formatting", () => {
  it("formats numbers as 1.234,5", () => {
    expect(formatNumber(1234.5, "id")).toBe("1.234,5");
    expect(formatNumber(1_000_000, "id")).toBe("1.000.000");
    expect(formatPercent(0.8766, "id")).toBe("87,7%");
  });

  it("formats numbers as 1,234.5 for an English reader", () => {
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatPercent(0.8766, "en")).toBe("87.7%");
  });

  it("formats dates as 22 Nov 2026 in Jakarta time", () => {
    expect(formatDate(new Date("2026-11-22T03:00:00Z"), "id")).toBe("22 Nov 2026");
    expect(formatDate(new Date("2026-08-17T03:00:00Z"), "id")).toBe("17 Agu 2026");
    expect(formatDate(new Date("2026-08-17T03:00:00Z"), "en")).toBe("17 Aug 2026");
    // 20:00 UTC is already the next day in WIB (UTC+7)
    expect(formatDate(new Date("2026-11-21T20:00:00Z"), "id")).toBe("22 Nov 2026");
    expect(formatDateTime(new Date("2026-11-22T01:30:00Z"), "id")).toBe("22 Nov 2026 08:30");
  });
});
