// The small demo data set loaded on first start (PANTAU_DEMO, on by default in development).
// Demo accounts exist only here; README lists them.
import type { Role } from "@/generated/prisma/enums";
import { recordAudit } from "../audit";
import { createDraft, publishReport } from "@/features/reports/server/reports";
import { makePnsNip } from "@/lib/domain/nip";
import type { ClickHouse } from "../clickhouse/types";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import { UNITS as REGION_UNITS } from "../../../etl/generate/catalog";

export const DEMO_PASSWORD = "pantau-demo";

/** The demo accounts' units: the core of the generated demo region (etl/generate/catalog.ts), which adds the rest. */
const SEED_UNIT_CODES = new Set(["SETDA", "BKPSDM", "DISDIK", "DISDIK-SMP1", "DINKES", "DINKES-PKM1", "KEC-SKM"]);
const UNITS = REGION_UNITS.filter((u) => SEED_UNIT_CODES.has(u.code));

export const DEMO_USERS: { username: string; name: string; role: Role; unit?: string }[] = [
  { username: "admin", name: "Admin Pantau", role: "ADMIN" },
  { username: "pimpinan", name: "Drs. Hendra Wijaya, M.Si.", role: "LEADER" },
  { username: "bkpsdm", name: "Sri Wahyuni, S.E.", role: "HR", unit: "BKPSDM" },
  { username: "kadisdik", name: "Dr. Ahmad Fauzi, M.Pd.", role: "UNIT_HEAD", unit: "DISDIK" },
  { username: "pegawai", name: "Rina Marlina, S.Pd.", role: "EMPLOYEE", unit: "DISDIK-SMP1" },
];

/** Loads the demo region, units and accounts into an empty store; does nothing when users exist. */
export async function seedDemo(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const region = await tx.region.upsert({
      where: { code: "DEMO" },
      update: {},
      create: { code: "DEMO", name: "Kabupaten Sukamaju (demo)", timezone: "Asia/Jakarta" },
    });
    const ids = new Map<string, string>();
    for (const u of UNITS) {
      const unit = await tx.unit.upsert({
        where: { regionId_code: { regionId: region.id, code: u.code } },
        update: {},
        create: { regionId: region.id, code: u.code, name: u.name, parentId: u.parent ? ids.get(u.parent) : null },
      });
      ids.set(u.code, unit.id);
    }
    for (const u of DEMO_USERS) {
      const user = await tx.user.create({
        data: {
          username: u.username,
          name: u.name,
          role: u.role,
          unitId: u.unit ? ids.get(u.unit) : null,
          passwordHash,
        },
        select: { id: true, username: true, role: true, unitId: true },
      });
      await recordAudit(
        tx,
        { id: null, name: "demo-seed" },
        { action: "user.create", entity: "User", entityId: user.id, after: user },
      );
    }
  });
  return true;
}

/** The demo employee account's own employee record (a teacher at SMP Negeri 1), so it can submit requests. Once. */
export async function linkDemoEmployee(db: Db): Promise<boolean> {
  const user = await db.user.findUnique({ where: { username: "pegawai" } });
  if (!user || user.employeeId || !user.unitId) return false;
  const unit = await db.unit.findUnique({ where: { id: user.unitId } });
  if (!unit) return false;
  const nip = makePnsNip("1988-04-12", "2014-03", "P", 7);
  const employee = await db.employee.upsert({
    where: { nip },
    update: {},
    create: {
      regionId: unit.regionId,
      unitId: unit.id,
      nip,
      name: user.name,
      gender: "P",
      rank: "III/b",
      position: "Guru Ahli Pertama",
      appointedOn: new Date("2014-03-01"),
    },
  });
  await db.user.update({ where: { id: user.id }, data: { employeeId: employee.id } });
  return true;
}

/** Demo survey links: BKPSDM's counter (any service) and its leave counter. Once, when services exist. */
export async function seedServicePoints(db: Db): Promise<boolean> {
  if ((await db.servicePoint.count()) > 0) return false;
  const unit = await db.unit.findFirst({ where: { code: "BKPSDM" } });
  const leave = await db.serviceType.findFirst({ where: { code: "CUTI" } });
  if (!unit || !leave) return false;
  await db.servicePoint.createMany({
    data: [
      {
        regionId: unit.regionId,
        unitId: unit.id,
        code: "loket-bkpsdm",
        name: "Loket Pelayanan BKPSDM",
        population: 4000,
      },
      {
        regionId: unit.regionId,
        unitId: unit.id,
        serviceTypeId: leave.id,
        code: "loket-cuti",
        name: "Loket Cuti BKPSDM",
        population: 1500,
      },
    ],
  });
  return true;
}

/** A published transparency report for the last complete month, so the public pages have one. Once. */
export async function seedDemoReport(db: Db, ch: ClickHouse, today: string): Promise<string | null> {
  if ((await db.publicReport.count()) > 0) return null;
  const region = await db.region.findFirst({ where: { code: "DEMO" } });
  if (!region) return null;
  const [y, m] = today.split("-").map(Number) as [number, number];
  const period = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
  // made and published by the demo's HR officer, as a real report is: the list shows a person's name
  const hr = DEMO_USERS.find((u) => u.role === "HR")!;
  const hrUser = await db.user.findUnique({ where: { username: hr.username }, select: { id: true, name: true } });
  const actor = { id: hrUser?.id ?? null, name: hrUser?.name ?? hr.name, role: "HR" as const };
  const draft = await createDraft(db, ch, actor, region.id, period, "", today);
  if (!draft.ok) return null;
  await publishReport(db, actor, draft.id);
  return period;
}
