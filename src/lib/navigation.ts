import type { MessageKey } from "@/i18n/catalog";
import type { Role } from "@/generated/prisma/enums";

export interface NavItem {
  href: string;
  label: MessageKey;
  roles: readonly Role[];
}

const ALL: readonly Role[] = ["ADMIN", "LEADER", "HR", "UNIT_HEAD", "EMPLOYEE"];

/** Every signed-in page and who may open it: the navigation and the page guards read the same list. */
export const NAV_ITEMS = [
  { href: "/dasbor", label: "nav.dashboard", roles: ["ADMIN", "LEADER", "HR", "UNIT_HEAD"] },
  { href: "/layanan", label: "nav.requests", roles: ["EMPLOYEE"] },
  { href: "/antrian", label: "nav.queue", roles: ["ADMIN", "HR", "UNIT_HEAD"] },
  { href: "/kepatuhan", label: "nav.compliance", roles: ["ADMIN", "HR", "UNIT_HEAD"] },
  { href: "/notifikasi", label: "nav.notifications", roles: ALL },
  { href: "/saya", label: "nav.me", roles: ALL },
  { href: "/admin/mulai", label: "nav.start", roles: ["ADMIN"] },
  { href: "/data", label: "nav.data", roles: ["ADMIN", "HR"] },
  { href: "/data/induk", label: "nav.master", roles: ["ADMIN", "HR"] },
  { href: "/admin/survei", label: "nav.survey", roles: ["ADMIN", "HR"] },
  { href: "/admin/laporan", label: "nav.reports", roles: ["ADMIN", "HR"] },
  { href: "/admin/pengaturan", label: "nav.settings", roles: ["ADMIN", "HR"] },
  { href: "/admin/pengguna", label: "nav.users", roles: ["ADMIN", "HR"] },
  { href: "/admin/audit", label: "nav.audit", roles: ["ADMIN"] },
] as const satisfies readonly NavItem[];

export type PagePath = (typeof NAV_ITEMS)[number]["href"];

export function rolesFor(href: PagePath): readonly Role[] {
  return NAV_ITEMS.find((i) => i.href === href)!.roles;
}

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((i) => (i.roles as readonly Role[]).includes(role));
}

/** Where a user lands after signing in. */
export function homeFor(role: Role): string {
  return role === "EMPLOYEE" ? "/layanan" : "/dasbor";
}
