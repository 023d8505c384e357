// NIP (Nomor Induk Pegawai). For PNS the 18 digits are: birth date yyyymmdd, CPNS appointment (TMT) yyyymm,
// sex digit (1 male, 2 female), a 3-digit sequence from 001. A PPPK's number
// (NI PPPK) is also 18 digits: birth date yyyymmdd, the year of first appointment as calon PPPK yyyy, two digits
// for the work agreement (e.g. 21; 24 for part-time PPPK), sex digit, sequence. So a PPPK number is checked for
// its birth date, appointment year, sex digit and sequence, never for a TMT month. (Layout from published
// explanations of the NI PPPK, not from the BKN regulation itself.) A NIP reveals birth date and sex: it is
// personal data.

export type EmploymentType = "PNS" | "PPPK";

export type NipProblem =
  "nip.length" | "nip.birthDate" | "nip.tmtMonth" | "nip.tmtBeforeBirth" | "nip.sex" | "nip.sequence";

export interface PnsNip {
  birthDate: string;
  tmt: string; // yyyy-mm
  sex: "L" | "P";
  sequence: number;
}

export type NipCheck = { ok: true; parsed?: PnsNip } | { ok: false; problem: NipProblem };

/** Strips the spaces and dots people type into NIPs ("19850312 201001 1 003"). */
export function normalizeNip(raw: string): string {
  return raw.length === 18 && /^\d{18}$/.test(raw) ? raw : raw.replace(/[\s.]/g, "");
}

export function checkNip(raw: string, type: EmploymentType = "PNS"): NipCheck {
  const nip = normalizeNip(raw);
  if (!/^\d{18}$/.test(nip)) return { ok: false, problem: "nip.length" };
  const y = Number(nip.slice(0, 4));
  const m = Number(nip.slice(4, 6));
  const d = Number(nip.slice(6, 8));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return { ok: false, problem: "nip.birthDate" };
  }
  const ty = Number(nip.slice(8, 12));
  const tm = Number(nip.slice(12, 14));
  if (type === "PNS" && (tm < 1 || tm > 12)) return { ok: false, problem: "nip.tmtMonth" };
  if (type === "PNS" ? ty * 12 + tm <= y * 12 + m : ty <= y) return { ok: false, problem: "nip.tmtBeforeBirth" };
  const sex = nip[14];
  if (sex !== "1" && sex !== "2") return { ok: false, problem: "nip.sex" };
  const sequence = Number(nip.slice(15));
  if (sequence < 1) return { ok: false, problem: "nip.sequence" };
  if (type === "PPPK") return { ok: true };
  return {
    ok: true,
    parsed: {
      birthDate: nip.slice(0, 4) + "-" + nip.slice(4, 6) + "-" + nip.slice(6, 8),
      tmt: nip.slice(8, 12) + "-" + nip.slice(12, 14),
      sex: sex === "1" ? "L" : "P",
      sequence,
    },
  };
}

/**
 * A NIP whose employment type is not known (an account form, an attendance or e-Kinerja export): valid when it
 * fits either layout; otherwise the problem, the PPPK one when the PNS layout fails only on the TMT month.
 */
export function checkAnyNip(raw: string): NipCheck {
  const pns = checkNip(raw, "PNS");
  if (pns.ok) return pns;
  const pppk = checkNip(raw, "PPPK");
  if (pppk.ok) return pppk;
  return pns.problem === "nip.tmtMonth" ? pppk : pns;
}

/** Builds a valid PNS NIP (used by the demo generator and tests). */
export function makePnsNip(birthDate: string, tmt: string, sex: "L" | "P", sequence: number): string {
  return (
    birthDate.replace(/-/g, "") + tmt.replace(/-/g, "") + (sex === "L" ? "1" : "2") + String(sequence).padStart(3, "0")
  );
}
