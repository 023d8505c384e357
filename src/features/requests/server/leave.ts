// Leave (PP 11/2017): working days requested on the region's calendar, the annual balance, and the
// limits of each kind. The server checks these at submission, inside the transaction that books the days.
import type { LeaveKind } from "@/generated/prisma/enums";
import { dateOfDay, dayNumber, dayOfDate } from "@/lib/domain/working-days";
import { regionCalendar } from "@/server/calendar";
import type { Db } from "@/server/db/client";
import type { FieldErrors } from "../forms";

/** Annual leave: 12 working days a calendar year. */
export const ANNUAL_LEAVE_DAYS = 12;
/** Calendar-day limits per kind: big leave up to 3 months, childbirth 3 months, important reasons 1 month. */
const MAX_CALENDAR_DAYS: Partial<Record<LeaveKind, number>> = { BESAR: 90, MELAHIRKAN: 90, ALASAN_PENTING: 30 };
/** Big leave needs at least 5 years of service. */
const BESAR_SERVICE_YEARS = 5;

type Tx = Pick<Db, "holiday" | "region" | "serviceRequest">;

/** Sick leave's reason and documents are health data: only the employee and BKPSDM see them. */
export function isHealthPrivate(leaveKind: LeaveKind | null, parties: ReadonlySet<string>): boolean {
  return leaveKind === "SAKIT" && !parties.has("owner") && !parties.has("hr");
}

export interface LeaveBalance {
  year: number;
  entitled: number;
  /** Days of completed annual leave requests. */
  taken: number;
  /** Days of annual leave requests still in process (booked: they count against the balance). */
  pending: number;
  remaining: number;
}

/** Annual leave left in `year`: every annual leave request that is not rejected counts. */
export async function leaveBalance(
  db: Pick<Db, "serviceRequest">,
  employeeId: string,
  year: number,
  excludeRequestId?: string,
): Promise<LeaveBalance> {
  const rows = await db.serviceRequest.findMany({
    where: {
      employeeId,
      leaveKind: "TAHUNAN",
      status: { not: "REJECTED" },
      startsOn: { gte: new Date(`${year}-01-01`), lte: new Date(`${year}-12-31`) },
      ...(excludeRequestId ? { id: { not: excludeRequestId } } : {}),
    },
    select: { status: true, workingDays: true },
  });
  let taken = 0;
  let pending = 0;
  for (const r of rows) {
    if (r.status === "COMPLETED") taken += r.workingDays ?? 0;
    else pending += r.workingDays ?? 0;
  }
  return {
    year,
    entitled: ANNUAL_LEAVE_DAYS,
    taken,
    pending,
    remaining: Math.max(0, ANNUAL_LEAVE_DAYS - taken - pending),
  };
}

export interface LeaveRequestCheck {
  employeeId: string;
  appointedOn: Date;
  regionId: string;
  kind: LeaveKind;
  startsOn: string;
  endsOn: string;
  /** The region's local today (day number). */
  today: number;
  excludeRequestId?: string;
}

/** The working days of a leave request, or the errors that refuse it (field → message). */
export async function checkLeave(
  db: Tx,
  c: LeaveRequestCheck,
): Promise<{ ok: true; workingDays: number } | { ok: false; errors: FieldErrors }> {
  const start = dayNumber(c.startsOn);
  const end = dayNumber(c.endsOn);
  if (end < start) return { ok: false, errors: { endsOn: { key: "requests.error.leave.order" } } };
  if (start < c.today) return { ok: false, errors: { startsOn: { key: "requests.error.leave.past" } } };
  const max = MAX_CALENDAR_DAYS[c.kind];
  if (max && end - start + 1 > max)
    return { ok: false, errors: { endsOn: { key: "requests.error.leave.tooLong", vars: { max } } } };
  if (c.kind === "BESAR" && start - dayOfDate(c.appointedOn) < Math.floor(BESAR_SERVICE_YEARS * 365.25)) {
    return {
      ok: false,
      errors: { leaveKind: { key: "requests.error.leave.service", vars: { years: BESAR_SERVICE_YEARS } } },
    };
  }
  const { calendar } = await regionCalendar(db, c.regionId);
  const workingDays = calendar.workingDays(start, end).length;
  if (workingDays === 0) return { ok: false, errors: { endsOn: { key: "requests.error.leave.noWorkingDays" } } };
  const overlap = await db.serviceRequest.findFirst({
    where: {
      employeeId: c.employeeId,
      leaveKind: { not: null },
      status: { not: "REJECTED" },
      startsOn: { lte: dateOfDay(end) },
      endsOn: { gte: dateOfDay(start) },
      ...(c.excludeRequestId ? { id: { not: c.excludeRequestId } } : {}),
    },
    select: { number: true },
  });
  if (overlap)
    return {
      ok: false,
      errors: { startsOn: { key: "requests.error.leave.overlap", vars: { number: overlap.number } } },
    };
  if (c.kind === "TAHUNAN") {
    const startYear = c.startsOn.slice(0, 4);
    if (c.endsOn.slice(0, 4) !== startYear)
      return { ok: false, errors: { endsOn: { key: "requests.error.leave.oneYear" } } };
    const balance = await leaveBalance(db, c.employeeId, Number(startYear), c.excludeRequestId);
    if (workingDays > balance.remaining) {
      return {
        ok: false,
        errors: {
          endsOn: {
            key: "requests.error.leave.balance",
            vars: { requested: workingDays, remaining: balance.remaining, year: startYear },
          },
        },
      };
    }
  }
  return { ok: true, workingDays };
}
