// What the setup and settings pages need, read through the setup router, with the redirects the pages share
// (an administrator without a region goes to the region setup first): the pages stay short shells.
import "server-only";
import { redirect } from "next/navigation";
import type { Session } from "next-auth";
import { pageData } from "@/trpc/server";

export function setupLinkData(token: string) {
  return pageData((api) => api.setup.link({ token: token.slice(0, 200) }));
}

/** An administrator of an installation without a region goes to the region setup first. */
export async function leadToRegionSetup(session: Session | null): Promise<void> {
  if (session?.user.role !== "ADMIN") return;
  if (!(await pageData((api) => api.setup.region()))) redirect("/admin/pengaturan/daerah");
}

export function checklistData() {
  return pageData((api) => api.setup.checklist());
}

/** The region, or (none yet) the region setup for an administrator and a note for HR. */
export async function regionFor(session: Session) {
  const region = await pageData((api) => api.setup.region());
  if (!region && session.user.role === "ADMIN") redirect("/admin/pengaturan/daerah");
  return region;
}

export function calendarData(year: number) {
  return pageData((api) => api.setup.calendar({ year }));
}

export function serviceCatalogData() {
  return pageData((api) => api.setup.services());
}

export function serviceTypeData(id: string) {
  return pageData((api) => api.setup.service({ id: id.slice(0, 64) }));
}

/** The region setup page is for the first region only: once one exists, the settings edit it. */
export async function regionSetupData() {
  if (await pageData((api) => api.setup.region())) redirect("/admin/pengaturan");
}
