import type { Session } from "next-auth";
import { isUnitWithin } from "@/server/unit-scope";
import type { Db } from "@/server/db/client";
import { complianceFilter, monthsBetween, type ComplianceFilter } from "../schemas";
import { now as clockNow } from "@/server/clock";

export const COMPLIANCE_ROLES = ["ADMIN", "HR", "UNIT_HEAD"] as const;

/** The default period: the last three complete months. */
export function defaultMonths(now = clockNow()): { from: string; to: string } {
  const ym = (d: Date) => d.toISOString().slice(0, 7);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1));
  return { from: ym(from), to: ym(to) };
}

export type Search = Record<string, string | string[] | undefined>;

/** The filter from a URL's query (defaults filled in), or the problems with it. */
export function filterFromSearch(sp: Search): { filter: ComplianceFilter; problems: string[] } {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k]![0] : sp[k]) as string | undefined;
  const d = defaultMonths();
  const raw = {
    from: one("dari") || d.from,
    to: one("sampai") || d.to,
    kind: one("jenis") || undefined,
    unitId: one("unit") || "",
    maxFill: one("maks") || undefined,
    missingOnly: one("semua") !== "1",
    q: one("cari") || "",
    sort: one("urut") || undefined,
    page: one("hal") || undefined,
  };
  const parsed = complianceFilter.safeParse(raw);
  if (parsed.success) return { filter: parsed.data, problems: [] };
  const fallback = complianceFilter.parse({ ...d, missingOnly: true });
  return { filter: fallback, problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
}

/** The filter as the page's query string (stable names, Indonesian). */
export function searchOf(f: ComplianceFilter, page = f.page): string {
  const q = new URLSearchParams({ dari: f.from, sampai: f.to, jenis: f.kind, urut: f.sort });
  if (f.unitId) q.set("unit", f.unitId);
  if (f.maxFill < 100) q.set("maks", String(f.maxFill));
  if (!f.missingOnly) q.set("semua", "1");
  if (f.q) q.set("cari", f.q);
  if (page > 1) q.set("hal", String(page));
  return q.toString();
}

/**
 * The unit the list covers: HR and administrators any unit ('' = the region); a unit head their own
 * unit and its sub-units only (their unit when none is chosen). null: not allowed.
 */
export async function scopeUnit(db: Db, user: Session["user"], requested: string): Promise<string | null> {
  if (user.role === "HR" || user.role === "ADMIN") return requested;
  if (user.role !== "UNIT_HEAD" || !user.unitId) return null;
  if (!requested) return user.unitId;
  return (await isUnitWithin(db, requested, user.unitId)) ? requested : null;
}

export { monthsBetween };

/**
 * The unit a page shows: as scopeUnit, except that a unit head asking for a unit outside their scope
 * gets their own unit and `outOfScope` (the page says so) instead of a bare refusal.
 */
export async function pageScopeUnit(
  db: Db,
  user: Session["user"],
  requested: string,
): Promise<{ unitId: string | null; outOfScope: boolean }> {
  const unitId = await scopeUnit(db, user, requested);
  if (unitId === null && user.role === "UNIT_HEAD" && user.unitId) return { unitId: user.unitId, outOfScope: true };
  return { unitId, outOfScope: false };
}
