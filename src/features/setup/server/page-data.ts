// What the setup and settings pages need, read once on the server: the pages stay short shells.
import "server-only";
import { redirect } from "next/navigation";
import type { Session } from "next-auth";
import { getDb } from "@/server/db";
import { calendarYear, checklist, regionExists, serviceType, serviceTypes } from "./queries";
import { setupTokenState } from "./first-admin";
import { installationRegion } from "@/server/region";

export async function setupLinkData(token: string) {
  return { state: await setupTokenState(await getDb(), token) };
}

/** An administrator of an installation without a region goes to the region setup first. */
export async function leadToRegionSetup(session: Session | null): Promise<void> {
  if (session?.user.role !== "ADMIN") return;
  if (!(await installationRegion(await getDb()))) redirect("/admin/pengaturan/daerah");
}

export async function checklistData() {
  return checklist(await getDb());
}

/** The region, or (none yet) the region setup for an administrator and a note for HR. */
export async function regionFor(session: Session) {
  const region = await installationRegion(await getDb());
  if (!region && session.user.role === "ADMIN") redirect("/admin/pengaturan/daerah");
  return region;
}

export async function calendarData(regionId: string, year: number) {
  return calendarYear(await getDb(), regionId, year);
}

export async function serviceCatalogData(regionId: string) {
  return serviceTypes(await getDb(), regionId);
}

export async function serviceTypeData(regionId: string, id: string) {
  return serviceType(await getDb(), regionId, id);
}

/** The region setup page is for the first region only: once one exists, the settings edit it. */
export async function regionSetupData() {
  if (await regionExists(await getDb())) redirect("/admin/pengaturan");
}
