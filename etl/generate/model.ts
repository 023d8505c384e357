// The generator's model: from a seed it plans a region's employees, their leave, attendance, e-Kinerja
// entries and service requests over [start, end] — deterministic, so any part of the range can be written
// again and come out the same. generate.ts writes a range of it (relational.ts, exports.ts).
import type { RequestStatus } from "@/generated/prisma/enums";
import { makePnsNip } from "@/lib/domain/nip";
import { dayNumber, isoDay, weekday, WorkCalendar } from "@/lib/domain/working-days";
import { INDONESIAN_HOLIDAYS } from "@/lib/domain/holidays-id";
import { lateBand } from "@/lib/domain/attendance";
import { FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, POSITIONS, PNS_RANKS, PPPK_RANKS, SERVICES, UNITS } from "./catalog";
import { logNormal, pick, rng, weighted } from "./random";

export interface GenerateConfig {
  seed: number;
  employees: number;
  /** First and last day of the whole history (ISO dates). */
  start: string;
  end: string;
  /** The part to write now (default: all of it). */
  from?: string;
  to?: string;
  regionCode?: string;
  regionName?: string;
  /** Folder for the source files; none are written when omitted. */
  outDir?: string;
  /** Write the relational rows (default true). */
  relational?: boolean;
}

export interface Truth {
  employees: number;
  attendance: {
    rows: number;
    byStatus: Record<string, number>;
    lateMinutes: number;
    tkByUnit: Record<string, number>;
    /** "yyyy-mm" of the day → status → rows. */
    byMonth: Record<string, Record<string, number>>;
  };
  ekinerja: {
    rows: number;
    byKindState: Record<string, number>;
    /** "yyyy-mm" of the period → "kind.state" → entries. */
    byMonth: Record<string, Record<string, number>>;
  };
  /** State of all requests as of `to` (cumulative since start). */
  requests: {
    submitted: number;
    events: number;
    completed: number;
    rejected: number;
    open: number;
    breached: number;
    returned: number;
    processingByService: Record<string, number[]>;
  };
  /** Survey answers written by this call (through completed requests' one-time links). */
  survey: { responses: number };
  /** Rows written by this call. */
  written: { requests: number; updatedRequests: number; events: number; files: string[] };
}

const OFFICE_START = 7 * 60 + 30;
const ANCHOR = dayNumber("2025-01-01");
export const DAILY_GRACE = 1;
export const MONTHLY_DEADLINE_DAY = 5;

export interface Emp {
  index: number;
  id: string;
  nip: string;
  type: "PNS" | "PPPK";
  gender: "L" | "P";
  name: string;
  rank: string;
  position: string;
  unit: number;
  appointed: number;
  retired: number | null;
  diligence: "diligent" | "sloppy" | "skipper" | "lapser";
  lateFactor: number;
  absentee: boolean;
  studying: boolean;
}

interface PlannedEvent {
  status: RequestStatus;
  day: number;
  minutes: number;
  actor: string;
  note: string | null;
}

interface PlannedRequest {
  id: string;
  number: string;
  emp: Emp;
  service: number;
  submitted: number;
  /** The request's number among the employee's requests of that service (its random stream). */
  k: number;
  events: PlannedEvent[];
  processing: number;
}

function planEmployees(seed: number, n: number, start: number): Emp[] {
  const sizes = UNITS.map((u) => u.size);
  const used = new Set<string>();
  const out: Emp[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng(seed, 1, i);
    const unit = weighted(r, sizes);
    const gender = r() < 0.52 ? "P" : "L";
    const type = r() < 0.15 ? "PPPK" : "PNS";
    const newHire = r() < 0.04;
    let appointed: number;
    let birth: number;
    if (newHire) {
      appointed = start + Math.floor(r() * 730); // hired during the first two years of the history
      birth = appointed - Math.floor((23 + r() * 12) * 365.25);
    } else {
      // Ages are drawn against a fixed day, so an employee's NIP does not depend on the history's range.
      birth = ANCHOR - Math.floor((22 + r() * 35.9) * 365.25);
      appointed = Math.min(ANCHOR - 400, birth + Math.floor((20 + r() * 15) * 365.25));
    }
    // TMT is the first of a month; retirement (BUP, 58) the first of the month after the birthday.
    const appointedIso = isoDay(appointed).slice(0, 8) + "01";
    appointed = dayNumber(appointedIso);
    const birthIso = isoDay(birth);
    const retireAt = dayNumber(`${Number(birthIso.slice(0, 4)) + 58}-${birthIso.slice(5, 7)}-01`) + 31;
    // BUP: the first of the month after the 58th birthday (may lie beyond the history).
    const retired = dayNumber(isoDay(retireAt).slice(0, 8) + "01");
    let nip = "";
    for (let seq = (i % 997) + 1; ; seq = (seq % 999) + 1) {
      nip =
        type === "PNS"
          ? makePnsNip(birthIso, appointedIso.slice(0, 7), gender, seq)
          : birthIso.replace(/-/g, "") +
            appointedIso.slice(0, 4) +
            "21" +
            (gender === "L" ? "1" : "2") +
            String(seq).padStart(3, "0");
      if (!used.has(nip)) break;
    }
    used.add(nip);
    const d = r();
    out.push({
      index: i,
      id: `e${seed}-${i}`,
      nip,
      type,
      gender,
      name: `${pick(r, gender === "L" ? FIRST_NAMES_M : FIRST_NAMES_F)} ${pick(r, LAST_NAMES)}`,
      rank: pick(r, type === "PNS" ? PNS_RANKS : PPPK_RANKS),
      position: pick(r, POSITIONS),
      unit,
      appointed,
      retired,
      diligence: d < 0.85 ? "diligent" : d < 0.95 ? "sloppy" : d < 0.98 ? "skipper" : "lapser",
      lateFactor: logNormal(r, 1, 0.6),
      absentee: r() < 0.01,
      studying: r() < 0.004,
    });
  }
  return out;
}

export const employed = (e: Emp, day: number) => day >= e.appointed && (e.retired === null || day < e.retired);

export function makeGenerator(cfg: GenerateConfig) {
  const start = dayNumber(cfg.start);
  const end = dayNumber(cfg.end);
  const from = dayNumber(cfg.from ?? cfg.start);
  const to = dayNumber(cfg.to ?? cfg.end);
  const seed = cfg.seed;
  const calendar = new WorkCalendar(INDONESIAN_HOLIDAYS.map((h) => h.date));
  const emps = planEmployees(seed, cfg.employees, start);

  const leaveCache = new Map<number, Set<number>>();
  function onLeave(e: Emp, day: number): boolean {
    const year = Number(isoDay(day).slice(0, 4));
    const key = e.index * 4096 + (year - 1990);
    let set = leaveCache.get(key);
    if (!set) {
      set = new Set();
      const r = rng(seed, 2, e.index, year);
      const y0 = dayNumber(`${year}-01-01`);
      const spells = 1 + Math.floor(r() * 3);
      for (let s = 0; s < spells; s++) {
        let d = y0 + Math.floor(r() * 360);
        for (let k = 1 + Math.floor(r() * 5); k > 0; d++) {
          if (calendar.isWorkingDay(d)) {
            set.add(d);
            k--;
          }
        }
      }
      if (e.gender === "P" && r() < 0.025) {
        let d = y0 + Math.floor(r() * 300);
        for (let k = 60; k > 0; d++) {
          if (calendar.isWorkingDay(d)) {
            set.add(d);
            k--;
          }
        }
      }
      leaveCache.set(key, set);
    }
    return set.has(day);
  }

  function attendanceOf(
    e: Emp,
    day: number,
  ): { status: string; checkIn: number | null; checkOut: number | null; late: number } {
    if (onLeave(e, day)) return { status: "CT", checkIn: null, checkOut: null, late: 0 };
    if (e.studying) return { status: "TB", checkIn: null, checkOut: null, late: 0 };
    const r = rng(seed, 3, e.index, day);
    const u = r();
    const tk = e.absentee ? 0.05 : 0.004;
    if (u < tk) return { status: "TK", checkIn: null, checkOut: null, late: 0 };
    if (u < tk + 0.012) return { status: "S", checkIn: null, checkOut: null, late: 0 };
    if (u < tk + 0.018) return { status: "I", checkIn: null, checkOut: null, late: 0 };
    if (u < tk + 0.048) return { status: "DL", checkIn: null, checkOut: null, late: 0 };
    const wd = weekday(day);
    const dayFactor = [1, 1.5, 1, 0.9, 0.9, 0.7, 1][wd]!;
    const friday = wd === 5;
    const outBase = friday ? 16 * 60 + 30 : 16 * 60;
    const pLate = Math.min(0.9, 0.1 * dayFactor * UNITS[e.unit]!.lateness * e.lateFactor);
    if (r() < pLate) {
      if (r() < 0.03) return { status: "TL4", checkIn: null, checkOut: outBase + Math.floor(r() * 40), late: 0 };
      const late = 1 + Math.floor(-Math.log(Math.max(r(), 1e-9)) * 18);
      const minutes = Math.min(late, 300);
      return {
        status: `TL${lateBand(minutes)}`,
        checkIn: OFFICE_START + minutes,
        checkOut: outBase + Math.floor(r() * 40),
        late: minutes,
      };
    }
    const checkIn = OFFICE_START - 5 - Math.floor(r() * 40);
    if (r() < 0.02) {
      const early = 1 + Math.floor(r() * 120);
      return { status: `PSW${lateBand(early)}`, checkIn, checkOut: outBase - early, late: 0 };
    }
    return { status: "H", checkIn, checkOut: outBase + Math.floor(r() * 60), late: 0 };
  }

  /** An e-Kinerja entry: submitted day/minutes or null (missing as of `asOf`). */
  function entryOf(e: Emp, kind: "daily" | "monthly", period: number, deadline: number, asOf: number) {
    const r = rng(seed, kind === "daily" ? 4 : 5, e.index, period);
    const year = Number(isoDay(period).slice(0, 4));
    const lapseMonth = Math.floor(rng(seed, 6, e.index, year)() * 12);
    const month = Number(isoDay(period).slice(5, 7)) - 1;
    const [pOnTime, pLate] =
      e.diligence === "diligent"
        ? [0.97, 0.025]
        : e.diligence === "sloppy"
          ? [0.75, 0.15]
          : e.diligence === "skipper"
            ? [0.3, 0.1]
            : month === lapseMonth
              ? [0, 0]
              : [0.97, 0.025];
    const u = r();
    let day: number | null = null;
    if (u < pOnTime)
      day =
        kind === "daily" ? period + (r() < 0.8 ? 0 : Math.max(0, deadline - period)) : deadline - Math.floor(r() * 6);
    else if (u < pOnTime + pLate) day = deadline + 1 + Math.floor(r() * 20);
    if (day === null || day > asOf) return null;
    const minutes = 15 * 60 + Math.floor(r() * 420);
    const a = r();
    return { day, minutes, approval: a < 0.9 ? "approved" : a < 0.98 ? "pending" : "rejected" };
  }

  function planRequests(): PlannedRequest[] {
    const out: PlannedRequest[] = [];
    for (const e of emps) {
      SERVICES.forEach((s, si) => {
        const r = rng(seed, 7, e.index, si);
        let t = start + (-Math.log(Math.max(r(), 1e-9)) * 365) / s.rate;
        for (let k = 0; Math.floor(t) <= end; k++, t += (-Math.log(Math.max(r(), 1e-9)) * 365) / s.rate) {
          let sd = Math.floor(t);
          while (!calendar.isWorkingDay(sd)) sd++;
          if (sd > end || !employed(e, sd)) continue;
          out.push(planRequest(e, si, k, sd));
        }
      });
    }
    return out;
  }

  function planRequest(e: Emp, si: number, k: number, sd: number): PlannedRequest {
    const s = SERVICES[si]!;
    const r = rng(seed, 8, e.index, si, k);
    const processing = Math.round(logNormal(r, s.slaDays * 0.55 * UNITS[e.unit]!.slowness, 0.55));
    const returned = r() < 0.08;
    const rejected = r() < 0.03;
    // The in-app workflow's path (src/features/requests/workflow.ts): BKPSDM verifies or returns as
    // incomplete, the supervisor approves or rejects, BKN-bound services go through BKN, BKPSDM completes.
    const statuses: RequestStatus[] = ["SUBMITTED"];
    if (returned) statuses.push("RETURNED", "SUBMITTED");
    statuses.push("BKPSDM_VERIFIED");
    if (rejected) statuses.push("REJECTED");
    else statuses.push("ELIGIBLE", ...(s.bkn ? (["FORWARDED_BKN", "PERTEK"] as const) : []), "COMPLETED");
    const weights = statuses.map((st, i) => (i === 0 ? 0 : (r() + 0.2) * (st === "PERTEK" ? 3 : 1)));
    const total = weights.reduce((a, b) => a + b, 0);
    let acc = 0;
    let prevDay = sd;
    let prevMin = 8 * 60 + Math.floor(r() * 360);
    const events: PlannedEvent[] = statuses.map((status, i) => {
      acc += weights[i]!;
      const offset = i === statuses.length - 1 ? processing : Math.floor((acc / total) * processing);
      const day = offset === 0 ? sd : calendar.addWorkingDays(sd, offset);
      const minutes =
        i === 0
          ? prevMin
          : day === prevDay
            ? Math.min(prevMin + 1 + Math.floor(r() * 30), 23 * 60 + 50)
            : 8 * 60 + Math.floor(r() * 450);
      prevDay = day;
      prevMin = minutes;
      return {
        status,
        day,
        minutes,
        actor: actorFor(status, e),
        note:
          status === "RETURNED"
            ? "Berkas belum lengkap: " +
              pick(r, ["SKP terakhir", "SK pangkat terakhir", "ijazah terlegalisir", "surat pengantar atasan"])
            : status === "REJECTED"
              ? "Tidak memenuhi syarat"
              : null,
      };
    });
    const number = `${s.code}/${isoDay(sd).slice(0, 4)}/${e.index}-${k}`;
    return { id: `r${seed}-${e.index}-${si}-${k}`, number, emp: e, service: si, submitted: sd, k, events, processing };
  }

  return { emps, calendar, start, end, from, to, attendanceOf, entryOf, planRequests, onLeave };
}

function actorFor(status: RequestStatus, e: Emp): string {
  if (status === "SUBMITTED") return e.name;
  if (status === "ELIGIBLE" || status === "REJECTED") return "Atasan langsung";
  if (status === "PERTEK") return "BKN";
  return "Verifikator BKPSDM";
}

const pad = (n: number) => String(n).padStart(2, "0");
export const hhmm = (m: number, sep: string) => `${pad(Math.floor(m / 60))}${sep}${pad(m % 60)}`;

/** The planned region a generation writes from. */
export type Generator = ReturnType<typeof makeGenerator>;
