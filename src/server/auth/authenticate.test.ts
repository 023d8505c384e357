import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, relationalKinds } from "@/test/stores";
import type { Db } from "../db/client";
import { AuthError, authenticate, clientKeyFrom, throttleMinutes } from "./authenticate";
import { hashPassword } from "./password";

const cfg = { maxFailures: 3, lockMinutes: 15 };

describe.each(relationalKinds)("login on %s", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDb(kind));
    const passwordHash = await hashPassword("benar-sekali");
    await db.user.createMany({
      data: [
        { username: "sri", name: "Sri", role: "HR", passwordHash },
        { username: "lama", name: "Lama", role: "EMPLOYEE", passwordHash, active: false },
      ],
    });
  });
  afterAll(() => close());

  const login = (username: string, password: string, clientKey = "10.0.0.1") => authenticate(db, { username, password, clientKey }, cfg);
  const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AuthError ? e.failure : e));

  it("accepts the right password (username case-insensitive) and records it", async () => {
    const user = await login("  SRI ", "benar-sekali");
    expect(user).toMatchObject({ username: "sri", role: "HR" });
    expect(JSON.stringify(user)).not.toContain("passwordHash");
    const audit = await db.auditLog.findFirst({ where: { action: "auth.login", actorId: user.id } });
    expect(audit).not.toBeNull();
  });

  it("refuses a wrong password, an unknown user and an inactive one the same way", async () => {
    expect(await failure(login("sri", "salah", "10.0.0.9"))).toEqual({ code: "INVALID" });
    expect(await failure(login("tidak-ada", "apa-saja", "10.0.0.9"))).toEqual({ code: "INVALID" });
    expect(await failure(login("lama", "benar-sekali", "10.0.0.9"))).toEqual({ code: "INVALID" });
    expect(await db.auditLog.count({ where: { action: "auth.login_failed" } })).toBe(3);
  });

  it("throttles a username after repeated failures, even with the right password", async () => {
    await login("sri", "benar-sekali", "10.0.0.2"); // a success resets the count
    for (let i = 0; i < cfg.maxFailures; i++) await failure(login("sri", "salah", `10.0.1.${i}`));
    const f = await failure(login("sri", "benar-sekali", "10.0.0.2"));
    expect(f).toMatchObject({ code: "THROTTLED" });
    expect((f as { retryAfterMinutes: number }).retryAfterMinutes).toBeGreaterThanOrEqual(14);
    expect(await db.auditLog.count({ where: { action: "auth.login_throttled" } })).toBe(1);
    // After the window the user may try again.
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await throttleMinutes(db, "sri", "10.0.0.2", cfg, later)).toBe(0);
  });

  it("throttles one client spraying many usernames", async () => {
    for (let i = 0; i < cfg.maxFailures * 4; i++) await failure(login(`tebak${i}`, "x", "10.9.9.9"));
    expect(await failure(login("orang-lain", "x", "10.9.9.9"))).toMatchObject({ code: "THROTTLED" });
  });

  it("takes the client key from forwarding headers", () => {
    expect(clientKeyFrom(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientKeyFrom({ "x-real-ip": "198.51.100.2" })).toBe("198.51.100.2");
    expect(clientKeyFrom(undefined)).toBe("local");
  });
});
