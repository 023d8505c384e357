import { describe, expect, it } from "vitest";
import { checkAnyNip, checkNip, makePnsNip } from "./nip";

describe("NIP", () => {
  it("accepts a valid PNS NIP with spaces and reads it", () => {
    const r = checkNip("19850312 201001 1 003");
    expect(r).toEqual({ ok: true, parsed: { birthDate: "1985-03-12", tmt: "2010-01", sex: "L", sequence: 3 } });
    expect(checkNip(makePnsNip("1990-02-28", "2015-03", "P", 12)).ok).toBe(true);
  });

  it.each([
    ["1985031220100110031", "nip.length"],
    ["19850231201001 1 003", "nip.birthDate"],
    ["198503122010131003", "nip.tmtMonth"],
    ["198503121980011003", "nip.tmtBeforeBirth"],
    ["198503122010013003", "nip.sex"],
    ["198503122010011000", "nip.sequence"],
  ])("rejects %s with %s", (nip, problem) => {
    expect(checkNip(nip)).toEqual({ ok: false, problem });
  });

  it("checks a PPPK number on its own layout: birth date, appointment year, agreement digits, sex, sequence", () => {
    // 13 September 1990, appointed 2025, agreement 24 (part-time), female, 014: "24" is no month, and need not be
    expect(checkNip("199009132025242014", "PPPK")).toEqual({ ok: true });
    expect(checkNip("199009132025242014", "PNS")).toEqual({ ok: false, problem: "nip.tmtMonth" });
    expect(checkNip("198503122021211001", "PPPK").ok).toBe(true);
    expect(checkNip("12345", "PPPK")).toEqual({ ok: false, problem: "nip.length" });
    expect(checkNip("199002302025241014", "PPPK")).toEqual({ ok: false, problem: "nip.birthDate" });
    expect(checkNip("199009131990241014", "PPPK")).toEqual({ ok: false, problem: "nip.tmtBeforeBirth" });
    expect(checkNip("199009132025243014", "PPPK")).toEqual({ ok: false, problem: "nip.sex" });
    expect(checkNip("199009132025241000", "PPPK")).toEqual({ ok: false, problem: "nip.sequence" });
  });

  it("checks a NIP of unknown type against either layout", () => {
    expect(checkAnyNip("19850312 201001 1 003").ok).toBe(true);
    expect(checkAnyNip("199009132025242014")).toEqual({ ok: true });
    // month 24 and sex digit 3: no layout fits, and the reason is the sex digit, not the month
    expect(checkAnyNip("199009132025243014")).toEqual({ ok: false, problem: "nip.sex" });
    expect(checkAnyNip("19850231201001 1 003")).toEqual({ ok: false, problem: "nip.birthDate" });
    expect(checkAnyNip("1985")).toEqual({ ok: false, problem: "nip.length" });
  });
});
