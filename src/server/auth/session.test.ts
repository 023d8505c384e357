import type { Session } from "next-auth";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, relationalKinds } from "@/test/stores";
import { createCaller } from "../api/root";
import type { Db } from "../db/client";
import { seedDemo } from "../demo/seed";
import { authenticate } from "./authenticate";
import { currentSession } from "./index";
import { authOptions, authSecret } from "./options";
import { sessionCookie } from "./session-token";

const cfg = { maxFailures: 5, lockMinutes: 15 };

describe.each(relationalKinds)("sessions follow the account (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDb(kind));
    await seedDemo(db);
  });
  afterAll(() => close());

  /** Signs in and reads the session back from its cookie the way next-auth does. */
  async function signIn(username: string): Promise<Session> {
    const user = await authenticate(db, { username, password: "pantau-demo", clientKey: "10.1.1.1" }, cfg);
    const cookie = await sessionCookie(user);
    const token = (await decode({ token: cookie.value, secret: authSecret() }))!;
    return (await authOptions.callbacks!.session!({
      session: { expires: "", user: {} } as Session,
      token,
    } as never)) as Session;
  }
  const adminApi = async () =>
    createCaller({ db, session: (await currentSession(db, await signIn("admin")))!, clientKey: "10.0.0.1" });

  it("a session is good while the account is as it was", async () => {
    const s = await signIn("pimpinan");
    expect((await currentSession(db, s))?.user).toMatchObject({ username: "pimpinan", role: "LEADER" });
  });

  it("deactivation, a new role or unit, a password reset and sign-out-everywhere each end existing sessions", async () => {
    const api = await adminApi();
    const pimpinan = await db.user.findUniqueOrThrow({ where: { username: "pimpinan" } });
    const base = { id: pimpinan.id, name: pimpinan.name, role: pimpinan.role, unitId: pimpinan.unitId, active: true };

    let s = await signIn("pimpinan");
    await api.users.update({ ...base, name: "Pimpinan Daerah" }); // a new name alone keeps the session
    expect(await currentSession(db, s)).not.toBeNull();
    await api.users.update({ ...base, active: false });
    expect(await currentSession(db, s)).toBeNull();
    await api.users.update({ ...base, active: true });
    expect(await currentSession(db, s)).toBeNull(); // reactivating does not revive the old cookie

    s = await signIn("pimpinan");
    await api.users.update({ ...base, role: "EMPLOYEE", unitId: (await db.unit.findFirstOrThrow()).id });
    expect(await currentSession(db, s)).toBeNull();
    await api.users.update(base);

    s = await signIn("pimpinan");
    await api.users.resetPassword({ id: pimpinan.id, password: "pantau-demo" });
    expect(await currentSession(db, s)).toBeNull();
    // a reset is a one-time password: until it is replaced, even a new sign-in is no session
    expect(await currentSession(db, await signIn("pimpinan"))).toBeNull();
    await db.user.update({ where: { id: pimpinan.id }, data: { mustChangePassword: false } });

    s = await signIn("pimpinan");
    await api.users.signOutEverywhere({ id: pimpinan.id });
    expect(await currentSession(db, s)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.sign_out_everywhere", entityId: pimpinan.id } })).toBe(1);

    // and a user can end their own sessions
    s = await signIn("pimpinan");
    await createCaller({ db, session: s, clientKey: "10.1.1.1" }).account.signOutEverywhere();
    expect(await currentSession(db, s)).toBeNull();
  });

  it("a cookie from before session versions (no version) is no session", async () => {
    const s = await signIn("bkpsdm");
    expect(await currentSession(db, { ...s, user: { ...s.user, sv: undefined } })).toBeNull();
  });
});
