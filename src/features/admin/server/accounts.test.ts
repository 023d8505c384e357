import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePnsNip } from "@/lib/domain/nip";
import { createCaller } from "@/server/api/root";
import { AuthError, authenticate } from "@/server/auth/authenticate";
import { changeOwnPassword, PasswordChangeError } from "@/server/auth/change-password";
import { currentSession, accountSession } from "@/server/auth";
import { authOptions, authSecret } from "@/server/auth/options";
import { sessionCookie } from "@/server/auth/session-token";
import type { Db } from "@/server/db/client";
import { seedDemo } from "@/server/demo/seed";
import { mailerFrom } from "@/server/mail";
import { openTestDb, relationalKinds } from "@/test/stores";
import { SMTPServer } from "smtp-server";
import { changePasswordInput } from "../schemas";
import { resetPassword } from "./manage-accounts";

const cfg = { maxFailures: 5, lockMinutes: 15 };
const code = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );
const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? String(x) : x));

describe.each(relationalKinds)("accounts for real people (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  const unit: Record<string, string> = {};
  let regionId: string;
  let seq = 0;
  const employee = (
    unitCode: string,
    name: string,
    position: string,
    extra: { active?: boolean; retiredOn?: Date } = {},
  ) =>
    db.employee.create({
      data: {
        regionId,
        unitId: unit[unitCode]!,
        nip: makePnsNip("1985-06-15", "2010-03", seq % 2 ? "L" : "P", ++seq),
        name,
        gender: "P",
        rank: "III/a",
        position,
        appointedOn: new Date("2010-03-01"),
        ...extra,
      },
    });

  beforeAll(async () => {
    ({ db, close } = await openTestDb(kind));
    await seedDemo(db);
    for (const u of await db.unit.findMany()) unit[u.code] = u.id;
    regionId = (await db.region.findFirstOrThrow()).id;
  });
  afterAll(() => close());

  /** A caller as this account would have it, read through the session check every request makes. */
  async function signIn(username: string, password: string) {
    const user = await authenticate(db, { username, password, clientKey: "10.2.2.2" }, cfg);
    const token = (await decode({ token: (await sessionCookie(user)).value, secret: authSecret() }))!;
    const session = (await authOptions.callbacks!.session!({
      session: { expires: "", user: {} } as Session,
      token,
    } as never)) as Session;
    return {
      user,
      session,
      api: createCaller({ db, session: await currentSession(db, session), clientKey: "10.2.2.2" }),
    };
  }
  const as = async (username: string) => (await signIn(username, "pantau-demo")).api;

  it("creates accounts for a unit's subtree by position, links them by NIP, skips and says why, and is all-or-nothing", async () => {
    const head = await employee("DINKES", "dr. Lestari", "Kepala Dinas Kesehatan");
    const nurse = await employee("DINKES-PKM1", "Ns. Wulan", "Perawat Terampil");
    const pkmHead = await employee("DINKES-PKM1", "dr. Bima", "Kepala Puskesmas");
    await employee("DINKES-PKM1", "Agus (nonaktif)", "Perawat Terampil", { active: false });
    await employee("DINKES", "Darmi (pensiun)", "Pengadministrasi Umum", { retiredOn: new Date("2020-01-01") });
    const linked = await employee("DINKES", "Sudah Punya", "Bendahara");
    await db.user.create({
      data: {
        username: "sudah.punya",
        name: "Sudah Punya",
        role: "EMPLOYEE",
        passwordHash: "x",
        employeeId: linked.id,
      },
    });
    const squatted = await employee("DINKES", "Nama Dipakai", "Bendahara");
    await db.user.create({
      data: { username: squatted.nip, name: "Akun lama tanpa tautan", role: "EMPLOYEE", passwordHash: "x" },
    });
    const elsewhere = await employee("DISDIK", "Guru Lain", "Guru Ahli Muda");

    const admin = await as("admin");
    const filter = {
      unitId: unit["DINKES"]!,
      position: "",
      headPrefix: "Kepala",
      headIds: [],
      employeeIds: [],
      include: "all" as const,
    };
    const preview = await admin.users.bulkPreview(filter);
    expect(preview).toMatchObject({
      total: 3,
      heads: 2,
      employees: 1,
      skipped: { hasAccount: 1, inactive: 1, retired: 1, usernameTaken: 1 },
    });
    expect(preview.rows.map((r) => r.employeeId)).not.toContain(elsewhere.id);
    expect(await db.auditLog.count({ where: { action: "employee.read", entity: "Employee" } })).toBe(1); // the preview names employees

    // all-or-nothing: an account made for one of them between the plan and the insert (another HR
    // officer, say) makes the insert fail, and not one of the other accounts is left behind
    const before = await db.user.count();
    const racing = db.$extends({
      query: {
        employee: {
          async findMany({ args, query }) {
            const found = await query(args);
            await db.user.create({
              data: { username: "racer", name: "Racer", role: "EMPLOYEE", passwordHash: "x", employeeId: nurse.id },
            });
            return found;
          },
        },
      },
    }) as unknown as Db;
    const adminSession = await currentSession(db, (await signIn("admin", "pantau-demo")).session);
    const failed = await createCaller({ db: racing, session: adminSession, clientKey: "t" })
      .users.bulkCreate(filter)
      .catch((e: TRPCError) => e);
    expect((failed as TRPCError).message).toBe("accounts.bulk.conflict");
    expect(await db.user.count()).toBe(before + 1); // the racer's only
    await db.user.delete({ where: { username: "racer" } });
    expect(await db.auditLog.count({ where: { action: "user.bulk_create" } })).toBe(0);

    const result = await admin.users.bulkCreate({ ...filter, employeeIds: [pkmHead.id] }); // by hand: not a unit head after all
    expect(result.skipped).toEqual({ hasAccount: 1, inactive: 1, retired: 1, usernameTaken: 1 });
    expect(result.created.map((c) => [c.username, c.role]).sort()).toEqual(
      [
        [head.nip, "UNIT_HEAD"],
        [nurse.nip, "EMPLOYEE"],
        [pkmHead.nip, "EMPLOYEE"],
      ].sort(),
    );
    const headUser = await db.user.findUniqueOrThrow({ where: { username: head.nip } });
    expect(headUser).toMatchObject({
      employeeId: head.id,
      unitId: unit["DINKES"],
      role: "UNIT_HEAD",
      mustChangePassword: true,
    });
    expect((await db.user.findUniqueOrThrow({ where: { username: nurse.nip } })).unitId).toBe(unit["DINKES-PKM1"]);
    expect(new Set(result.created.map((c) => c.password)).size).toBe(3);
    expect(result.created[0]!.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    // a second run finds nobody left and makes no new names
    expect((await admin.users.bulkPreview(filter)).total).toBe(0);

    // every account audited, no password (nor its hash) anywhere in the log
    const log = await db.auditLog.findMany({ where: { action: { in: ["user.create", "user.bulk_create"] } } });
    expect(log.filter((l) => l.action === "user.create" && (l.after as { via?: string }).via === "bulk")).toHaveLength(
      3,
    );
    const text = json(log);
    for (const c of result.created) expect(text).not.toContain(c.password);
    expect(text).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it("a one-time password signs in, but nothing works until it is replaced; then the new one works and the old does not", async () => {
    const e = await employee("KEC-SKM", "Pak Camat Staf", "Pengadministrasi Umum");
    const { created } = await (
      await as("bkpsdm")
    ).users.bulkCreate({
      unitId: unit["KEC-SKM"]!,
      position: "Pengadministrasi",
      headPrefix: "",
      headIds: [],
      employeeIds: [],
      include: "all",
    });
    expect(created.map((c) => c.username)).toEqual([e.nip]);
    const otp = created[0]!.password;

    const first = await signIn(e.nip, otp);
    expect(first.user.mustChangePassword).toBe(true);
    expect(await currentSession(db, first.session)).toBeNull(); // no session for pages, tRPC or route handlers
    expect((await accountSession(db, first.session))?.mustChangePassword).toBe(true); // only the change page sees it
    expect(await code(first.api.account.me())).toBe("UNAUTHORIZED");

    // the rules as elsewhere; wrong current password refused (and counted by the login throttle)
    expect(changePasswordInput.safeParse({ current: otp, next: "pendek", confirm: "pendek" }).success).toBe(false);
    expect(changePasswordInput.safeParse({ current: otp, next: otp, confirm: otp }).error?.issues[0]?.message).toBe(
      "accounts.validation.samePassword",
    );
    expect(
      changePasswordInput.safeParse({ current: otp, next: "satu-dua-tiga", confirm: "satu-dua-empat" }).error?.issues[0]
        ?.path,
    ).toEqual(["confirm"]);
    const wrong = await changeOwnPassword(
      db,
      { userId: first.user.id, clientKey: "10.2.2.2" },
      { current: "salah-sekali", next: "kopi-pagi-di-kantor" },
      cfg,
    ).catch((x: unknown) => x);
    expect((wrong as PasswordChangeError).failure).toBe("CURRENT");

    const renewed = await changeOwnPassword(
      db,
      { userId: first.user.id, clientKey: "10.2.2.2" },
      { current: otp, next: "kopi-pagi-di-kantor" },
      cfg,
    );
    expect(await accountSession(db, first.session)).toBeNull(); // the one-time session is over
    const token = (await decode({ token: (await sessionCookie(renewed)).value, secret: authSecret() }))!;
    const fresh = (await authOptions.callbacks!.session!({
      session: { expires: "", user: {} } as Session,
      token,
    } as never)) as Session;
    expect((await currentSession(db, fresh))?.user.username).toBe(e.nip);
    expect(
      await code(createCaller({ db, session: await currentSession(db, fresh), clientKey: "x" }).account.me()),
    ).toBe("OK");

    expect(await signIn(e.nip, otp).catch((x: unknown) => (x instanceof AuthError ? x.failure.code : x))).toBe(
      "INVALID",
    );
    expect((await signIn(e.nip, "kopi-pagi-di-kantor")).user.mustChangePassword).toBe(false);
    const audit = json(await db.auditLog.findMany({ where: { entityId: first.user.id } }));
    expect(audit).toContain("user.change_password");
    expect(audit).not.toContain("kopi-pagi");
    expect(audit).not.toContain(otp);
  });

  it("HR resets and deactivates employees' and unit heads' accounts, and cannot touch an administrator's, HR's or a leader's", async () => {
    const hr = await as("bkpsdm");
    const ids = Object.fromEntries(
      (await db.user.findMany({ select: { username: true, id: true } })).map((u) => [u.username, u.id]),
    );
    for (const name of ["admin", "pimpinan"]) {
      const target = await db.user.findUniqueOrThrow({ where: { username: name } });
      expect(await code(hr.users.resetPassword({ id: target.id }))).toBe("FORBIDDEN");
      expect(await code(hr.users.signOutEverywhere({ id: target.id }))).toBe("FORBIDDEN");
      expect(
        await code(
          hr.users.update({
            id: target.id,
            name: target.name,
            role: target.role,
            unitId: target.unitId,
            active: false,
          }),
        ),
      ).toBe("FORBIDDEN");
    }
    const kadisdik = await db.user.findUniqueOrThrow({ where: { username: "kadisdik" } });
    // nor make anyone an administrator, nor create one
    expect(
      await code(hr.users.update({ id: kadisdik.id, name: kadisdik.name, role: "ADMIN", unitId: null, active: true })),
    ).toBe("FORBIDDEN");
    expect(
      await code(
        hr.users.create({ username: "hr.admin", name: "X", password: "12345678", role: "ADMIN", unitId: null }),
      ),
    ).toBe("FORBIDDEN");
    expect(await db.user.findUniqueOrThrow({ where: { id: ids["admin"]! } })).toMatchObject({
      active: true,
      mustChangePassword: false,
    });
    // the list is open to HR, not to a unit head
    expect((await hr.users.list({ q: "kadis", limit: 50, offset: 0 })).users.map((u) => u.username)).toEqual([
      "kadisdik",
    ]);
    expect(await code((await as("kadisdik")).users.list())).toBe("FORBIDDEN");

    // a reset ends the user's sessions and hands out a one-time password, shown once
    const before = await signIn("kadisdik", "pantau-demo");
    expect(await currentSession(db, before.session)).not.toBeNull();
    const reset = await hr.users.resetPassword({ id: kadisdik.id });
    expect(reset.delivered).toBe("shown");
    const otp = (reset as { password: string }).password;
    expect(await currentSession(db, before.session)).toBeNull();
    expect(await accountSession(db, before.session)).toBeNull();
    expect((await signIn("kadisdik", otp)).user.mustChangePassword).toBe(true);
    expect(await code(hr.users.resetPassword({ id: kadisdik.id, deliver: "email" }))).toBe("BAD_REQUEST"); // no SMTP, no address

    const pegawai = await db.user.findUniqueOrThrow({ where: { username: "pegawai" } });
    const p = await signIn("pegawai", "pantau-demo");
    await hr.users.update({
      id: pegawai.id,
      name: pegawai.name,
      role: pegawai.role,
      unitId: pegawai.unitId,
      active: false,
    });
    expect(await currentSession(db, p.session)).toBeNull();
    expect(
      await signIn("pegawai", "pantau-demo").catch((x: unknown) => (x instanceof AuthError ? x.failure.code : x)),
    ).toBe("INVALID");

    const log = json(
      await db.auditLog.findMany({
        where: { entityId: { in: [kadisdik.id, pegawai.id] }, action: { startsWith: "user." } },
      }),
    );
    expect(log).toContain("user.reset_password");
    expect(log).not.toContain(otp);
    expect(log).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it("e-mails the one-time password through a real SMTP server when the account has an address, and returns none", async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => (received.push(Buffer.concat(chunks).toString("utf8")), callback()));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.server.address() as { port: number }).port;
      const mailer = mailerFrom({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: "pantau@bkpsdm.example.go.id" });
      const e = await employee("DINKES", "Bu Ratna", "Pekerja Sosial");
      const target = await db.user.create({
        data: {
          username: "ratna.mail",
          name: "Bu Ratna",
          role: "EMPLOYEE",
          passwordHash: "x",
          employeeId: e.id,
          email: "ratna@dinsos.example.go.id",
        },
      });
      const hr = await db.user.findUniqueOrThrow({ where: { username: "bkpsdm" } });
      const actor = { id: hr.id, name: hr.name, role: hr.role, clientKey: "t" };
      const answer = await resetPassword(db, actor, { id: target.id, deliver: "email" }, mailer);
      expect(answer).toEqual({ ok: true, username: "ratna.mail", delivered: "email" });
      expect(received).toHaveLength(1);
      const otp = /sekali pakai: ([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})/.exec(received[0]!)![1]!; // the body, not a Message-ID
      expect(received[0]).toContain("ratna.mail");
      expect((await signIn("ratna.mail", otp)).user.mustChangePassword).toBe(true);
      expect(json(await db.auditLog.findMany({ where: { entityId: target.id } }))).not.toContain(otp);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("creates a few thousand accounts quickly, in one go", async () => {
    const n = 2000;
    await db.employee.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        regionId,
        unitId: unit["DISDIK-SMP1"]!,
        nip: makePnsNip(`1990-01-${String(1 + Math.floor(i / 900)).padStart(2, "0")}`, "2015-03", "L", 1 + (i % 900)),
        name: `Guru ${i}`,
        gender: "L" as const,
        rank: "III/a",
        position: i % 50 === 0 ? "Kepala Sekolah" : "Guru Ahli Pertama",
        appointedOn: new Date("2015-03-01"),
      })),
    });
    const t0 = performance.now();
    const { created } = await (
      await as("admin")
    ).users.bulkCreate({
      unitId: unit["DISDIK-SMP1"]!,
      position: "",
      headPrefix: "Kepala",
      headIds: [],
      employeeIds: [],
      include: "all",
    });
    const ms = performance.now() - t0;
    console.log(
      `[bulk] ${created.length} accounts in ${(ms / 1000).toFixed(1)} s on ${kind} (${(ms / created.length).toFixed(1)} ms each)`,
    );
    expect(created.length).toBeGreaterThanOrEqual(n);
    expect(created.filter((c) => c.role === "UNIT_HEAD")).toHaveLength(n / 50);
    expect(new Set(created.map((c) => c.username)).size).toBe(created.length);
    // one of them, picked at random, signs in with its own password and only that
    const one = created[Math.floor(created.length / 3)]!;
    expect((await signIn(one.username, one.password)).user.mustChangePassword).toBe(true);
    expect(ms).toBeLessThan(60_000);
  }, 180_000);
});
