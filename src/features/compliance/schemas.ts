// The compliance list's filter: one schema for the page's URL, the exports and the API.
import { z } from "zod";

export const SORTS = ["fill", "missing", "streak", "name", "unit", "last"] as const;
export type ComplianceSort = (typeof SORTS)[number];

/** Any other bad value in the URL: the page says so and shows the default list. */
const BAD = "compliance.error.filter";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "compliance.error.month");

export const complianceFilter = z
  .object({
    from: month,
    to: month,
    kind: z.enum(["monthly", "daily"], { error: BAD }).default("monthly"),
    unitId: z.string().max(64, BAD).default(""),
    /** Show employees whose fill rate is at most this many percent. */
    maxFill: z.coerce.number({ error: BAD }).int(BAD).min(0, BAD).max(100, BAD).default(100),
    /** Only employees with at least one missing entry in the period. */
    missingOnly: z.boolean().default(true),
    q: z.string().trim().max(100, BAD).default(""),
    sort: z.enum(SORTS, { error: BAD }).default("fill"),
    page: z.coerce.number({ error: BAD }).int(BAD).min(1, BAD).max(100_000, BAD).default(1),
  })
  .refine((f) => f.from <= f.to, { path: ["to"], message: "compliance.error.range" })
  .refine((f) => monthsBetween(f.from, f.to) <= 24, { path: ["to"], message: "compliance.error.rangeTooLong" });

export type ComplianceFilter = z.infer<typeof complianceFilter>;

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The last day of a yyyy-mm month. */
export function monthEnd(ym: string): string {
  const [y, m] = ym.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export const PAGE_SIZE = 50;

// ---- outages: why entries could not be made (src/lib/domain/ekinerja.ts) ----

export const OUTAGE_KINDS = ["EKINERJA_DOWN", "NETWORK_DOWN", "DATA_ERROR"] as const;
export const OUTAGE_EFFECTS = ["EXTEND", "EXCUSE"] as const;
/** An outage longer than this is more likely a typo in a date than an outage. */
export const OUTAGE_MAX_DAYS = 62;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "compliance.outage.error.date")
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "compliance.outage.error.date",
  );

export const outageInput = z
  .object({
    kind: z.enum(OUTAGE_KINDS, { error: "compliance.outage.error.kind" }),
    effect: z.enum(OUTAGE_EFFECTS, { error: "compliance.outage.error.effect" }),
    startsOn: day,
    endsOn: day,
    /** Empty: the whole region. */
    unitIds: z.array(z.string().min(1).max(64)).max(500).default([]),
    note: z.string().trim().min(3, "compliance.outage.error.note").max(500, "compliance.outage.error.noteLong"),
  })
  .refine((o) => o.startsOn <= o.endsOn, { path: ["endsOn"], message: "compliance.outage.error.range" })
  .refine((o) => (Date.parse(o.endsOn) - Date.parse(o.startsOn)) / 86_400_000 < OUTAGE_MAX_DAYS, {
    path: ["endsOn"],
    message: "compliance.outage.error.long",
  });

export type OutageInput = z.infer<typeof outageInput>;
