// e-Kinerja export (BKN): one row per employee per due entry — the monthly realisation or a daily
// activity log. Columns: nip; periode; jenis; waktu_kirim; status_persetujuan. See docs/source-files.md.
import { z } from "zod";
import { parseDate } from "./csv";
import { nipField, type SourceFormat } from "./format";

export const EKINERJA_KINDS = ["monthly", "daily"] as const;
export type EkinerjaKind = (typeof EKINERJA_KINDS)[number];

const KIND_ALIASES: Record<string, EkinerjaKind> = {
  bulanan: "monthly",
  monthly: "monthly",
  realisasibulanan: "monthly",
  harian: "daily",
  daily: "daily",
  logharian: "daily",
  aktivitasharian: "daily",
};

export const APPROVALS = ["approved", "pending", "rejected", "none"] as const;
const APPROVAL_ALIASES: Record<string, (typeof APPROVALS)[number]> = {
  disetujui: "approved",
  approved: "approved",
  menunggu: "pending",
  pending: "pending",
  ditolak: "rejected",
  rejected: "rejected",
  "": "none",
  "-": "none",
};

/** "2026-10", "10/2026", "10-2026" → "2026-10-01"; a full date stays itself. */
export function parsePeriod(s: string, kind: EkinerjaKind): string | null {
  const t = s.trim();
  if (kind === "daily") return parseDate(t);
  let r = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (r) return monthStart(Number(r[1]), Number(r[2]));
  r = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (r) return monthStart(Number(r[2]), Number(r[1]));
  const d = parseDate(t);
  return d ? d.slice(0, 8) + "01" : null;
}

function monthStart(y: number, m: number) {
  return m >= 1 && m <= 12 && y >= 1900 ? `${y}-${String(m).padStart(2, "0")}-01` : null;
}

export const ekinerjaRow = z
  .object({
    nip: nipField,
    kind: z.string().transform((s, ctx) => {
      const k =
        KIND_ALIASES[
          s
            .trim()
            .toLowerCase()
            .replace(/[\s_-]+/g, "")
        ];
      if (!k) {
        ctx.addIssue({ code: "custom", message: "etl.reason.kind" });
        return z.NEVER;
      }
      return k;
    }),
    period: z.string(),
    submittedAt: z.string().optional().default(""),
    approval: z
      .string()
      .optional()
      .default("")
      .transform((s, ctx) => {
        const a = APPROVAL_ALIASES[s.trim().toLowerCase()];
        if (!a) {
          ctx.addIssue({ code: "custom", message: "etl.reason.approval" });
          return z.NEVER;
        }
        return a;
      }),
  })
  .transform((r, ctx) => {
    const period = parsePeriod(r.period, r.kind);
    if (!period) {
      ctx.addIssue({ code: "custom", path: ["period"], message: "etl.reason.period" });
      return z.NEVER;
    }
    const submitted = r.submittedAt === "-" ? "" : r.submittedAt;
    if (submitted === "" && r.approval !== "none") {
      ctx.addIssue({ code: "custom", path: ["approval"], message: "etl.reason.approvalWithoutSubmission" });
      return z.NEVER;
    }
    return { nip: r.nip, kind: r.kind, period, submittedAt: submitted, approval: r.approval };
  });

export type EkinerjaRow = z.output<typeof ekinerjaRow>;

export const ekinerjaFormat: SourceFormat<EkinerjaRow> = {
  kind: "EKINERJA",
  columns: [
    { field: "nip", names: ["nip"], required: true },
    { field: "period", names: ["periode", "period", "tanggal", "bulan"], required: true },
    { field: "kind", names: ["jenis", "kind", "jenis_entri", "tipe"], required: true },
    { field: "submittedAt", names: ["waktu_kirim", "submitted_at", "tanggal_kirim", "dikirim"], required: true },
    { field: "approval", names: ["status_persetujuan", "approval", "status", "persetujuan"], required: false },
  ],
  schema: ekinerjaRow,
};
