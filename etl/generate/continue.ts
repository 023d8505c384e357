// Generating into a data folder that already holds generated history: the generator is deterministic in
// (seed, employees, start), so a later end only adds days. The folder remembers what it holds
// (generator.json); a run with the same seed and size continues from the day after, anything else is refused
// with what the folder holds, instead of failing half-way on a duplicate request.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dayNumber, isoDay } from "@/lib/domain/working-days";

export interface GeneratedHistory {
  seed: number;
  employees: number;
  start: string;
  end: string;
}

const file = (dataDir: string) => path.join(dataDir, "generator.json");

export function readGenerated(dataDir: string): GeneratedHistory | null {
  if (!existsSync(file(dataDir))) return null;
  try {
    const v = JSON.parse(readFileSync(file(dataDir), "utf8")) as GeneratedHistory;
    return typeof v.seed === "number" &&
      typeof v.employees === "number" &&
      /^\d{4}-\d{2}-\d{2}$/.test(v.start) &&
      /^\d{4}-\d{2}-\d{2}$/.test(v.end)
      ? v
      : null;
  } catch {
    return null;
  }
}

export function recordGenerated(dataDir: string, h: GeneratedHistory): void {
  writeFileSync(file(dataDir), JSON.stringify(h, null, 2) + "\n");
}

export type GeneratePlan =
  | { kind: "fresh"; start: string; end: string }
  | { kind: "continue"; start: string; from: string; end: string }
  | { kind: "done"; end: string }
  | { kind: "refuse"; held: GeneratedHistory | null };

/** What to generate for `wanted` in a folder holding `held` (null: nothing remembered) and `hasData` employees. */
export function planGeneration(
  held: GeneratedHistory | null,
  hasData: boolean,
  wanted: GeneratedHistory,
): GeneratePlan {
  if (!hasData) return { kind: "fresh", start: wanted.start, end: wanted.end };
  if (!held || held.seed !== wanted.seed || held.employees !== wanted.employees) return { kind: "refuse", held };
  if (wanted.end <= held.end) return { kind: "done", end: held.end };
  return { kind: "continue", start: held.start, from: isoDay(dayNumber(held.end) + 1), end: wanted.end };
}
