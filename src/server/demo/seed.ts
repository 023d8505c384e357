// The small demo data set loaded on first start (PANTAU_DEMO, on by default in development).
// Demo accounts exist only here; README lists them.
import type { Role } from "@/generated/prisma/enums";
import { recordAudit } from "../audit";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";

export const DEMO_PASSWORD = "pantau-demo";

const UNITS: { code: string; name: string; parent?: string }[] = [
  { code: "SETDA", name: "Sekretariat Daerah" },
  { code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan SDM" },
  { code: "DISDIK", name: "Dinas Pendidikan" },
  { code: "DISDIK-SMP1", name: "SMP Negeri 1 Sukamaju", parent: "DISDIK" },
  { code: "DINKES", name: "Dinas Kesehatan" },
  { code: "DINKES-PKM1", name: "Puskesmas Sukamaju", parent: "DINKES" },
  { code: "KEC-SKM", name: "Kecamatan Sukamaju" },
];

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
        data: { username: u.username, name: u.name, role: u.role, unitId: u.unit ? ids.get(u.unit) : null, passwordHash },
        select: { id: true, username: true, role: true, unitId: true },
      });
      await recordAudit(tx, { id: null, name: "demo-seed" }, { action: "user.create", entity: "User", entityId: user.id, after: user });
    }
  });
  return true;
}
