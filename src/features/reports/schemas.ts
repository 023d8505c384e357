// The open-data format of a published transparency report (also its JSON download). Aggregates only:
// never a name or a NIP. A value covering fewer than MIN_CELL employees or responses is null and
// `suppressed: true`. Documented in docs/open-data.md; `schema` names this version of the format.
import { z } from "zod";

export const REPORT_SCHEMA = "https://pantau.go.id/schema/laporan-transparansi/v1";
export const MIN_CELL = 5;

const grade = z.enum(["A", "B", "C", "D"]).nullable();
/**
 * An IKM cell's sample (src/lib/domain/ikm.ts): "insufficient" cells have no IKM or grade, "provisional"
 * ones fall short of the Krejcie–Morgan sample; `minimum` is the respondents a value needed. Absent in
 * reports made before the rule.
 */
const ikmSampleFields = {
  standing: z.enum(["insufficient", "provisional", "sufficient"]).optional(),
  minimum: z.number().optional(),
};
export type IkmCell = {
  ikm: number | null;
  grade: "A" | "B" | "C" | "D" | null;
  respondents: number | null;
  suppressed: boolean;
  standing?: "insufficient" | "provisional" | "sufficient";
  minimum?: number;
};

export const reportData = z.object({
  schema: z.literal(REPORT_SCHEMA),
  region: z.object({ code: z.string(), name: z.string() }),
  period: z.object({ slug: z.string(), from: z.string(), to: z.string() }),
  /** When the analytics data was taken. */
  dataAsOf: z.string(),
  minCell: z.number(),
  services: z.array(
    z.object({
      code: z.string(),
      nameId: z.string(),
      nameEn: z.string(),
      slaDays: z.number(),
      completed: z.number().nullable(),
      medianDays: z.number().nullable(),
      p90Days: z.number().nullable(),
      slaCompliance: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  ),
  satisfaction: z.object({
    overall: z.object({
      respondents: z.number().nullable(),
      ikm: z.number().nullable(),
      grade,
      suppressed: z.boolean(),
      ...ikmSampleFields,
    }),
    byService: z.array(
      z.object({
        code: z.string(),
        nameId: z.string(),
        nameEn: z.string(),
        respondents: z.number().nullable(),
        ikm: z.number().nullable(),
        grade,
        suppressed: z.boolean(),
        ...ikmSampleFields,
      }),
    ),
    byUnit: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        respondents: z.number().nullable(),
        ikm: z.number().nullable(),
        grade,
        suppressed: z.boolean(),
        ...ikmSampleFields,
      }),
    ),
  }),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** Employees counted (attendance), a range when small: never below MIN_CELL shown. */
      employees: z.number().nullable(),
      attendanceRate: z.number().nullable(),
      ekinerjaFillRate: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  ),
});

export type ReportData = z.infer<typeof reportData>;
