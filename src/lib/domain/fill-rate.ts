// e-Kinerja fill rate and missed streaks (BKN e-Kinerja, PermenPAN-RB 6/2022): an entry that was due is
// on time (submitted by its deadline, Batas Pengisian), late, or missing. Only entries that were due
// count: an employee on approved leave, not yet appointed, or retired is not due.

export type EntryState = "on_time" | "late" | "missing";

/** Entries made by the deadline / entries due; null when nothing was due. */
export function fillRate(onTime: number, due: number): number | null {
  return due > 0 ? onTime / due : null;
}

/** Missed periods in a row up to the latest due period (states in period order). */
export function currentStreak(states: readonly EntryState[]): number {
  let n = 0;
  for (let i = states.length - 1; i >= 0 && states[i] === "missing"; i--) n++;
  return n;
}
