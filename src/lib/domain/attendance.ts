// Attendance status codes and what each one counts as. The one owner of "present" and "due": the ETL
// writes both as columns of every attendance fact (etl/load/files.ts), and the dashboards, the unit and
// employee pages, the discipline watch, the exports and the public report only add them up.
//
// The codes are the regional TPP attendance codes (Perbup/Perwali on tambahan penghasilan pegawai, after
// PermenPAN-RB on working hours): H hadir; TL1–TL4 terlambat by band; PSW1–PSW4 pulang sebelum waktunya by
// band; TK tanpa keterangan; I izin; S sakit; CT cuti; DL dinas luar; TB tugas belajar; L libur.

export const ATTENDANCE_STATUSES = [
  "H",
  "TL1",
  "TL2",
  "TL3",
  "TL4",
  "PSW1",
  "PSW2",
  "PSW3",
  "PSW4",
  "TK",
  "I",
  "S",
  "CT",
  "DL",
  "TB",
  "L",
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface AttendanceClass {
  /** A working day the employee was expected at work. */
  due: boolean;
  /** At work (or on duty elsewhere). Always also due. */
  present: boolean;
}

const PRESENT: AttendanceClass = { due: true, present: true };
const ABSENT: AttendanceClass = { due: true, present: false };
const NOT_DUE: AttendanceClass = { due: false, present: false };

/**
 * - DL (dinas luar) is official duty away from the office: present, not absent.
 * - CT (cuti, PP 11/2017 Pasal 310: the kinds of leave) and TB (tugas belajar, relieved of the post's duties) are not due:
 *   a day of approved leave or study duty is neither present nor absent.
 * - L (libur) is not a working day at all.
 * - I and S (izin, sakit) are due and not present, but excused: only TK is absence without reason.
 */
export const ATTENDANCE_CLASS: Readonly<Record<AttendanceStatus, AttendanceClass>> = {
  H: PRESENT,
  TL1: PRESENT,
  TL2: PRESENT,
  TL3: PRESENT,
  TL4: PRESENT,
  PSW1: PRESENT,
  PSW2: PRESENT,
  PSW3: PRESENT,
  PSW4: PRESENT,
  DL: PRESENT,
  TK: ABSENT,
  I: ABSENT,
  S: ABSENT,
  CT: NOT_DUE,
  TB: NOT_DUE,
  L: NOT_DUE,
};

export const isLate = (s: AttendanceStatus) => s.startsWith("TL");
export const isEarlyLeave = (s: AttendanceStatus) => s.startsWith("PSW");

/** Late bands: TL1 1–30, TL2 31–60, TL3 61–90, TL4 over 90 minutes (or no check-in). */
export function lateBand(minutes: number): 0 | 1 | 2 | 3 | 4 {
  if (minutes <= 0) return 0;
  if (minutes <= 30) return 1;
  if (minutes <= 60) return 2;
  if (minutes <= 90) return 3;
  return 4;
}

/** The classes as arrays for ClickHouse's transform(): the load writes the flags with them. */
export function attendanceClassArrays(): { codes: string[]; due: number[]; present: number[] } {
  return {
    codes: [...ATTENDANCE_STATUSES],
    due: ATTENDANCE_STATUSES.map((s) => Number(ATTENDANCE_CLASS[s].due)),
    present: ATTENDANCE_STATUSES.map((s) => Number(ATTENDANCE_CLASS[s].present)),
  };
}

/** The columns the ETL writes for a day with this status (1/0, as ClickHouse stores them). */
export function attendanceFlags(status: AttendanceStatus): { due: number; present: number } {
  const c = ATTENDANCE_CLASS[status];
  return { due: Number(c.due), present: Number(c.present) };
}
