// A report's period as it appears in the URL: a year (2026), a quarter (2026-q3) or a month (2026-11).

export interface ReportPeriod {
  slug: string;
  from: string;
  to: string;
  kind: "year" | "quarter" | "month";
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function parseReportPeriod(raw: string): ReportPeriod | null {
  const s = raw.trim().toLowerCase();
  let m = /^(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return y >= 2000 && y <= 2100 ? { slug: s, from: `${y}-01-01`, to: `${y}-12-31`, kind: "year" } : null;
  }
  m = /^(\d{4})-q([1-4])$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    if (y < 2000 || y > 2100) return null;
    return {
      slug: s,
      from: `${y}-${pad(q * 3 - 2)}-01`,
      to: `${y}-${pad(q * 3)}-${lastDay(y, q * 3)}`,
      kind: "quarter",
    };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (y < 2000 || y > 2100) return null;
    return { slug: s, from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${lastDay(y, mo)}`, kind: "month" };
  }
  return null;
}
