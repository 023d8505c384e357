// Attendance export (mesin absensi / SIMPEG): one row per employee per day.
// Columns: nip; tanggal; jam_masuk; jam_pulang; status; menit_terlambat. See docs/source-files.md.
import { z } from "zod";
import { ATTENDANCE_STATUSES, lateBand, type AttendanceStatus } from "@/lib/domain/attendance";
import { dateField, nipField, optionalTimeField, type SourceFormat } from "./format";

const STATUS_SET = new Set<string>(ATTENDANCE_STATUSES);
const STATUS_ALIASES: Record<string, AttendanceStatus> = { HADIR: "H", CUTI: "CT", IZIN: "I", SAKIT: "S", LIBUR: "L" };

export const attendanceRow = z
  .object({
    nip: nipField,
    date: dateField,
    checkIn: optionalTimeField,
    checkOut: optionalTimeField,
    status: z.string().transform((s, ctx) => {
      if (STATUS_SET.has(s)) return s as AttendanceStatus;
      const u = s.trim().toUpperCase().replace(/\s+/g, "");
      const code = STATUS_SET.has(u) ? (u as AttendanceStatus) : STATUS_ALIASES[u];
      if (!code) {
        ctx.addIssue({ code: "custom", message: "etl.reason.status" });
        return z.NEVER;
      }
      return code;
    }),
    lateMinutes: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s === "" || s === "-") return 0;
        const n = /^\d{1,4}$/.test(s) ? Number(s) : NaN;
        if (!(n <= 1440)) {
          ctx.addIssue({ code: "custom", message: "etl.reason.lateMinutes" });
          return z.NEVER;
        }
        return n;
      }),
  })
  .superRefine((r, ctx) => {
    if (r.checkIn !== null && r.checkOut !== null && r.checkOut < r.checkIn) {
      ctx.addIssue({ code: "custom", path: ["checkOut"], message: "etl.reason.checkOrder" });
    }
    if (r.status.startsWith("TL")) {
      const band = Number(r.status.slice(2));
      const fits = lateBand(r.lateMinutes) === band || (band === 4 && r.checkIn === null);
      if (!fits) ctx.addIssue({ code: "custom", path: ["lateMinutes"], message: "etl.reason.lateBand" });
    } else if (r.lateMinutes > 0) {
      ctx.addIssue({ code: "custom", path: ["lateMinutes"], message: "etl.reason.lateBand" });
    }
  });

export type AttendanceRow = z.output<typeof attendanceRow>;

export const attendanceFormat: SourceFormat<AttendanceRow> = {
  kind: "ATTENDANCE",
  columns: [
    { field: "nip", names: ["nip"], required: true },
    { field: "date", names: ["tanggal", "date", "tgl"], required: true },
    { field: "checkIn", names: ["jam_masuk", "check_in", "masuk", "jam masuk"], required: true },
    { field: "checkOut", names: ["jam_pulang", "check_out", "pulang", "jam pulang"], required: true },
    { field: "status", names: ["status", "kode_status", "keterangan"], required: true },
    { field: "lateMinutes", names: ["menit_terlambat", "minutes_late", "terlambat", "late_minutes"], required: false },
  ],
  schema: attendanceRow,
};
