// The generator's file exports: for each month of [from, to] the attendance machine's export (every working
// day of every employed employee) and e-Kinerja's (the entries whose deadline falls in it), written the way
// real exports differ — odd months as an Excel-made CSV (semicolons, CRLF, dd/mm/yyyy, Indonesian words).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dayNumber, isoDay } from "@/lib/domain/working-days";
import { UNITS } from "./catalog";
import {
  DAILY_GRACE,
  employed,
  hhmm,
  MONTHLY_DEADLINE_DAY,
  type Emp,
  type GenerateConfig,
  type Generator,
  type Truth,
} from "./model";

/** Writes the monthly export pairs (when cfg.outDir is set) and counts what they hold into the truth. */
export function writeExports(cfg: GenerateConfig, g: Generator, truth: Truth) {
  const { emps, calendar, from, to, start } = g;
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
}
