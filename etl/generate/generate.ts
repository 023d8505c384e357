// The deterministic demo and benchmark data generator. From a seed it plans a region's employees,
// their leave, attendance, e-Kinerja entries and service requests over [start, end], then writes a
// range [from, to] of it: relational rows (the system of record) and source files (exports from the
// attendance machines and e-Kinerja). Writing [start, d] and then [d+1, e] gives the same data as
// writing [start, e] at once (except e-Kinerja entries submitted late after the first export, which a
// real export also only shows later). The returned truth is what the analytics must report.
import { isFinal } from "@/lib/domain/sla";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { RequestStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db/client";
import { INDONESIAN_HOLIDAYS } from "@/lib/domain/holidays-id";
import { makePnsNip } from "@/lib/domain/nip";
import { dateOfDay, dayNumber, isoDay, localInstant, weekday, WorkCalendar } from "@/lib/domain/working-days";
import { lateBand } from "@/lib/domain/attendance";
import { FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, POSITIONS, PNS_RANKS, PPPK_RANKS, SERVICES, UNITS } from "./catalog";
import { logNormal, normal, pick, rng, weighted } from "./random";

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
const DAILY_GRACE = 1;
const MONTHLY_DEADLINE_DAY = 5;

interface Emp {
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

const employed = (e: Emp, day: number) => day >= e.appointed && (e.retired === null || day < e.retired);

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
const hhmm = (m: number, sep: string) => `${pad(Math.floor(m / 60))}${sep}${pad(m % 60)}`;

/** Plans and writes [from, to]; returns the truth for what it wrote. */
export async function generate(
  db: Db | null,
  cfg: GenerateConfig,
  log: (s: string) => void = () => {},
): Promise<Truth> {
  const g = makeGenerator(cfg);
  const { emps, calendar, from, to, start } = g;
  const truth: Truth = {
    employees: emps.length,
    attendance: { rows: 0, byStatus: {}, lateMinutes: 0, tkByUnit: {}, byMonth: {} },
    ekinerja: { rows: 0, byKindState: {}, byMonth: {} },
    survey: { responses: 0 },
    requests: {
      submitted: 0,
      events: 0,
      completed: 0,
      rejected: 0,
      open: 0,
      breached: 0,
      returned: 0,
      processingByService: {},
    },
    written: { requests: 0, updatedRequests: 0, events: 0, files: [] },
  };

  // ---- relational: region, calendar, units, catalog, employees ----
  let regionId = "";
  const unitIds: string[] = [];
  const serviceIds: string[] = [];
  if (db && cfg.relational !== false) {
    const region = await db.region.upsert({
      where: { code: cfg.regionCode ?? "DEMO" },
      update: {},
      create: {
        code: cfg.regionCode ?? "DEMO",
        name: cfg.regionName ?? "Kabupaten Sukamaju (demo)",
        timezone: "Asia/Jakarta",
        ekinerjaDeadlineDay: MONTHLY_DEADLINE_DAY,
        dailyLogGraceDays: DAILY_GRACE,
      },
    });
    regionId = region.id;
    if ((await db.holiday.count({ where: { regionId } })) === 0) {
      await db.holiday.createMany({
        data: INDONESIAN_HOLIDAYS.map((h) => ({ regionId, date: new Date(h.date), kind: h.kind, name: h.name })),
      });
    }
    const byCode = new Map<string, string>();
    for (const u of UNITS) {
      const unit = await db.unit.upsert({
        where: { regionId_code: { regionId, code: u.code } },
        update: {},
        create: { regionId, code: u.code, name: u.name, parentId: u.parent ? byCode.get(u.parent) : null },
      });
      byCode.set(u.code, unit.id);
      unitIds.push(unit.id);
    }
    for (const s of SERVICES) {
      const st = await db.serviceType.upsert({
        where: { regionId_code: { regionId, code: s.code } },
        update: {},
        create: {
          regionId,
          code: s.code,
          nameId: s.nameId,
          nameEn: s.nameEn,
          slaDays: s.slaDays,
          viaBkn: s.bkn,
          documents: s.documents as never,
        },
      });
      serviceIds.push(st.id);
    }
    if (from === start) {
      for (let i = 0; i < emps.length; i += 5000) {
        await db.employee.createMany({
          skipDuplicates: true,
          data: emps.slice(i, i + 5000).map((e) => ({
            id: e.id,
            regionId,
            unitId: unitIds[e.unit]!,
            nip: e.nip,
            employmentType: e.type,
            name: e.name,
            gender: e.gender,
            rank: e.rank,
            position: e.position,
            appointedOn: dateOfDay(e.appointed),
            retiredOn: e.retired === null ? null : dateOfDay(e.retired),
          })),
        });
      }
      log(`employees: ${emps.length}`);
    }
  }

  // ---- service requests ----
  const requests = g.planRequests();
  const newRequests: Record<string, unknown>[] = [];
  const updates: { id: string; status: RequestStatus; completedAt: Date | null }[] = [];
  const newEvents: Record<string, unknown>[] = [];
  const newResponses: Record<string, unknown>[] = [];
  for (const p of requests) {
    if (p.submitted > to) continue;
    const visible = p.events.filter((ev) => ev.day <= to);
    const last = visible[visible.length - 1]!;
    const finished = isFinal(last.status);
    truth.requests.submitted++;
    truth.requests.events += visible.length;
    if (visible.some((ev) => ev.status === "RETURNED")) truth.requests.returned++;
    if (finished) {
      if (last.status === "COMPLETED") {
        truth.requests.completed++;
        if (p.processing > SERVICES[p.service]!.slaDays) truth.requests.breached++;
        (truth.requests.processingByService[SERVICES[p.service]!.code] ??= []).push(p.processing);
      } else truth.requests.rejected++;
    } else truth.requests.open++;
    const inRange = visible.filter((ev) => ev.day >= from);
    if (inRange.length === 0) continue;
    const completedAt = finished ? localInstant(last.day, last.minutes) : null;
    if (p.submitted >= from) {
      newRequests.push({
        id: p.id,
        regionId,
        number: p.number,
        serviceTypeId: serviceIds[p.service],
        employeeId: p.emp.id,
        unitId: unitIds[p.emp.unit],
        status: last.status,
        submittedAt: localInstant(p.submitted, p.events[0]!.minutes),
        completedAt,
        slaDays: SERVICES[p.service]!.slaDays,
      });
    } else updates.push({ id: p.id, status: last.status, completedAt });
    for (const ev of inRange) {
      newEvents.push({
        requestId: p.id,
        status: ev.status,
        actorName: ev.actor,
        at: localInstant(ev.day, ev.minutes),
        note: ev.note,
      });
    }
  }
  // Survey answers through the one-time link of a completed request: about a third answer, within two
  // days; slow units and SLA breaches score lower on time (U3), complaint handling (U8) is the usual
  // weak spot, and personnel services are free (U4).
  for (const p of requests) {
    const last = p.events[p.events.length - 1]!;
    if (last.status !== "COMPLETED") continue;
    // seeded by the request itself, not its place in the list: a later end adds requests to the list, and a
    // continued history must give the requests it already wrote the same answers
    const r = rng(cfg.seed, 9, p.emp.index, p.service, p.k);
    if (r() > 0.35) continue;
    const day = calendar.addWorkingDays(last.day, Math.floor(r() * 3));
    if (day < from || day > to) continue;
    const slow = UNITS[p.emp.unit]!.slowness;
    const breached = p.processing > SERVICES[p.service]!.slaDays;
    const base = 3.35 - 0.35 * (slow - 1);
    const adjust: Record<string, number> = { u3: breached ? -0.9 : 0, u4: 0.6, u8: -0.45 };
    const score = (k: string) => Math.min(4, Math.max(1, Math.round(base + (adjust[k] ?? 0) + normal(r) * 0.55)));
    const complaint = r() < (breached ? 0.25 : 0.03);
    newResponses.push({
      regionId,
      unitId: unitIds[p.emp.unit],
      serviceTypeId: serviceIds[p.service],
      requestId: p.id,
      submissionKey: `gen-${p.id}`,
      channel: "INVITE",
      ageGroup: pick(r, ["<=25", "26-35", "36-45", "46-55", ">=56"]),
      gender: p.emp.gender,
      education: pick(r, ["SMA", "D1-D3", "D4-S1", "D4-S1", "S2-S3"]),
      occupation: p.emp.type,
      ...Object.fromEntries(["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"].map((k) => [k, score(k)])),
      suggestion: complaint
        ? "Proses terlalu lama dan tidak ada kabar perkembangan."
        : r() < 0.15
          ? "Mohon informasi persyaratan dibuat lebih jelas."
          : null,
      isComplaint: complaint,
      followUp: complaint ? "OPEN" : "NONE",
      createdAt: localInstant(day, 9 * 60 + Math.floor(r() * 420)),
    });
    truth.survey.responses++;
  }
  if (db && cfg.relational !== false) {
    for (let i = 0; i < newRequests.length; i += 5000) {
      await db.serviceRequest.createMany({ data: newRequests.slice(i, i + 5000) as never });
    }
    for (let i = 0; i < updates.length; i += 500) {
      await db.$transaction(
        updates
          .slice(i, i + 500)
          .map((u) =>
            db.serviceRequest.update({ where: { id: u.id }, data: { status: u.status, completedAt: u.completedAt } }),
          ),
      );
    }
    for (let i = 0; i < newEvents.length; i += 10_000) {
      await db.requestEvent.createMany({ data: newEvents.slice(i, i + 10_000) as never });
    }
    for (let i = 0; i < newResponses.length; i += 5000) {
      await db.surveyResponse.createMany({ data: newResponses.slice(i, i + 5000) as never });
    }
    log(`requests: ${newRequests.length} new, ${updates.length} updated, ${newEvents.length} events`);
  }
  truth.written.requests = newRequests.length;
  truth.written.updatedRequests = updates.length;
  truth.written.events = newEvents.length;

  // ---- source files, one pair per month of [from, to] ----
  if (cfg.outDir) mkdirSync(cfg.outDir, { recursive: true });
  for (let m0 = from; m0 <= to;) {
    const iso = isoDay(m0);
    const monthEnd = Math.min(to, dayNumber(isoDay(dayNumber(iso.slice(0, 8) + "01") + 32).slice(0, 8) + "01") - 1);
    const variant = Number(iso.slice(5, 7)) % 2; // exports differ: odd months look like an Excel export
    const sep = variant ? ";" : ",";
    const eol = variant ? "\r\n" : "\n";
    const date = (d: number) =>
      variant ? `${isoDay(d).slice(8, 10)}/${isoDay(d).slice(5, 7)}/${isoDay(d).slice(0, 4)}` : isoDay(d);
    const name = `${isoDay(m0)}_${isoDay(monthEnd)}`;

    // attendance: every working day (and leave day) of every employed employee
    const att: string[] = [
      variant
        ? "\ufeffNIP;Tanggal;Jam Masuk;Jam Pulang;Status;Menit Terlambat"
        : "nip,date,check_in,check_out,status,minutes_late",
    ];
    for (let d = m0; d <= monthEnd; d++) {
      if (!calendar.isWorkingDay(d)) continue;
      for (const e of emps) {
        if (!employed(e, d)) continue;
        const a = g.attendanceOf(e, d);
        const t = (m: number | null) => (m === null ? "" : hhmm(m, variant ? "." : ":"));
        att.push([e.nip, date(d), t(a.checkIn), t(a.checkOut), a.status, a.late || (variant ? "" : "0")].join(sep));
        truth.attendance.rows++;
        truth.attendance.byStatus[a.status] = (truth.attendance.byStatus[a.status] ?? 0) + 1;
        truth.attendance.lateMinutes += a.late;
        const month = (truth.attendance.byMonth[isoDay(d).slice(0, 7)] ??= {});
        month[a.status] = (month[a.status] ?? 0) + 1;
        if (a.status === "TK")
          truth.attendance.tkByUnit[UNITS[e.unit]!.code] = (truth.attendance.tkByUnit[UNITS[e.unit]!.code] ?? 0) + 1;
      }
    }

    // e-Kinerja: entries whose deadline falls in this part of the range
    const ek: string[] = [
      variant ? "\ufeffNIP;Periode;Jenis;Waktu Kirim;Status Persetujuan" : "nip,period,kind,submitted_at,approval",
    ];
    const emit = (e: Emp, kind: "daily" | "monthly", period: number, deadline: number) => {
      const entry = g.entryOf(e, kind, period, deadline, to);
      const state = !entry ? "missing" : entry.day <= deadline ? "on_time" : "late";
      const periodText =
        kind === "daily"
          ? date(period)
          : variant
            ? `${isoDay(period).slice(5, 7)}/${isoDay(period).slice(0, 4)}`
            : isoDay(period).slice(0, 7);
      const submitted = entry ? `${date(entry.day)} ${hhmm(entry.minutes, ":")}` : "";
      const approval = entry
        ? variant
          ? { approved: "disetujui", pending: "menunggu", rejected: "ditolak" }[entry.approval]!
          : entry.approval
        : "";
      ek.push(
        [
          e.nip,
          periodText,
          kind === "daily" ? (variant ? "harian" : "daily") : variant ? "bulanan" : "monthly",
          submitted,
          approval,
        ].join(sep),
      );
      truth.ekinerja.rows++;
      truth.ekinerja.byKindState[`${kind}.${state}`] = (truth.ekinerja.byKindState[`${kind}.${state}`] ?? 0) + 1;
      const month = (truth.ekinerja.byMonth[isoDay(period).slice(0, 7)] ??= {});
      month[`${kind}.${state}`] = (month[`${kind}.${state}`] ?? 0) + 1;
    };
    for (let d = Math.max(start, m0 - 10); d <= monthEnd; d++) {
      if (!calendar.isWorkingDay(d)) continue;
      const deadline = calendar.addWorkingDays(d, DAILY_GRACE);
      if (deadline < m0 || deadline > monthEnd) continue;
      for (const e of emps) if (employed(e, d) && !g.onLeave(e, d) && !e.studying) emit(e, "daily", d, deadline);
    }
    // the monthly realisation of the previous month is due on day 5 of this one
    const prevMonth = dayNumber(isoDay(dayNumber(iso.slice(0, 8) + "01") - 1).slice(0, 8) + "01");
    const monthlyDeadline = dayNumber(iso.slice(0, 8) + String(MONTHLY_DEADLINE_DAY).padStart(2, "0"));
    if (prevMonth >= start && monthlyDeadline >= m0 && monthlyDeadline <= monthEnd) {
      const lastOfPrev = dayNumber(iso.slice(0, 8) + "01") - 1;
      for (const e of emps) {
        if (!employed(e, lastOfPrev) || e.studying) continue;
        const working = calendar.workingDays(prevMonth, lastOfPrev);
        if (working.every((d) => g.onLeave(e, d))) continue;
        emit(e, "monthly", prevMonth, monthlyDeadline);
      }
    }
    if (cfg.outDir) {
      const a = path.join(cfg.outDir, `absensi-${name}.csv`);
      const k = path.join(cfg.outDir, `ekinerja-${name}.csv`);
      writeFileSync(a, att.join(eol) + eol);
      writeFileSync(k, ek.join(eol) + eol);
      truth.written.files.push(a, k);
    }
    m0 = monthEnd + 1;
  }
  return truth;
}
