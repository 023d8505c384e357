// Service SLAs in working days (the region's calendar: Perpres 21/2023 working days minus holidays and
// cuti bersama). The one owner of deadline, overdue and days past: the work queue, a request's page, the
// ETL's backlog snapshot (it stores `overdueFrom`) and the dashboards' most overdue requests read these.
//
// A request submitted on day s with an SLA of n working days is due on the n-th working day after s. It is
// overdue once a working day after its deadline has begun: due Friday, it is not overdue on Saturday or
// Sunday (nobody could have finished it then) and is 1 working day late on Monday.
import type { RequestStatus } from "@/generated/prisma/enums";

/** The statuses that stop a request's clock: no deadline applies after them. */
export const FINAL_STATUSES: readonly RequestStatus[] = ["COMPLETED", "REJECTED"];

export const isFinal = (status: string) => (FINAL_STATUSES as readonly string[]).includes(status);

interface Calendar {
  addWorkingDays(from: number, n: number): number;
  workingDaysBetween(from: number, to: number): number;
}

/** The SLA's last working day (day number). */
export function slaDeadline(calendar: Calendar, submittedDay: number, slaDays: number): number {
  return slaDays > 0 ? calendar.addWorkingDays(submittedDay, slaDays) : submittedDay;
}

/** The first day on which a request with this deadline counts as overdue: the working day after it. */
export function overdueFrom(calendar: Calendar, deadline: number): number {
  return calendar.addWorkingDays(deadline, 1);
}

/** Working days past the deadline on `day` (0 up to the deadline and on the days off right after it). */
export function daysPastDeadline(calendar: Calendar, deadline: number, day: number): number {
  return calendar.workingDaysBetween(deadline, day);
}

/** Finished after more working days than the SLA allows (processing time counted as in `slaPosition`). */
export const breachedSla = (processingWorkingDays: number, slaDays: number) => processingWorkingDays > slaDays;

/** Where a request stands against its SLA on `day` (today, or the day it was finished). */
export function slaPosition(calendar: Calendar, submittedDay: number, slaDays: number, day: number) {
  const deadline = slaDeadline(calendar, submittedDay, slaDays);
  const used = calendar.workingDaysBetween(submittedDay, day);
  const past = daysPastDeadline(calendar, deadline, day);
  return { deadline, used, left: Math.max(0, slaDays - used), daysPast: past, overdue: past > 0 };
}
