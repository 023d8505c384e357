// Pantau's clock for the working calendar: "today" in the region, and the time stamped on what people
// do (a request's steps, a survey answer). PANTAU_TODAY (yyyy-mm-dd; tests and demos only) pins the
// calendar: the clock reads 09:00 WIB on that day when the process starts and runs on from there, so a
// test sees the same month, weekday and demo data on whatever day it runs. Security clocks (sign-in
// throttling, sessions, signatures) and the ETL's watermarks stay on the machine's own time.
import { isoDay, localDay } from "@/lib/domain/working-days";

let offsetMs: number | undefined;

function offset(): number {
  if (offsetMs === undefined) {
    const pinned = process.env.PANTAU_TODAY?.trim();
    offsetMs = pinned ? Date.parse(`${pinned}T09:00:00+07:00`) - Date.now() : 0;
    // env.ts refuses a malformed value at start-up; a script that skipped it still gets real time
    if (!Number.isFinite(offsetMs)) offsetMs = 0;
  }
  return offsetMs;
}

/** Now, on the working calendar's clock. */
export function now(): Date {
  return new Date(Date.now() + offset());
}

/** Today (ISO day) in the region's time zone. */
export function today(timezone?: string): string {
  return isoDay(localDay(now(), timezone));
}

/** Today as a day number in the region's time zone. */
export function todayNumber(timezone?: string): number {
  return localDay(now(), timezone);
}
