import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, relationalKinds } from "@/test/stores";
import type { Db } from "../db/client";
import { AuthError, authenticate, clientKeyFrom, throttleFor, throttleKeyOf } from "./authenticate";
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

  const login = (username: string, password: string, clientKey = "10.0.0.1") =>
    authenticate(db, { username, password, clientKey }, cfg);
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => (e instanceof AuthError ? e.failure : e),
    );

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

  it("throttles a username and client together, even with the right password, and audits it", async () => {
    await login("sri", "benar-sekali", "10.0.0.2"); // a success resets the count
    for (let i = 0; i < cfg.maxFailures; i++) await failure(login("sri", "salah", "10.0.0.3"));
    const f = await failure(login("sri", "benar-sekali", "10.0.0.3"));
    expect(f).toMatchObject({ code: "THROTTLED" });
    expect((f as { retryAfterMinutes: number }).retryAfterMinutes).toBeGreaterThanOrEqual(14);
    const audit = await db.auditLog.findFirst({ where: { action: "auth.login_throttled" }, orderBy: { id: "desc" } });
    expect(audit?.after).toMatchObject({ username: "sri", scope: "pair" });
    // the owner from another address is not locked out by someone else's guesses
    expect(await login("sri", "benar-sekali", "10.0.0.2")).toMatchObject({ username: "sri" });
    // after the window the guessing address may try again
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await throttleFor(db, { username: "sri", clientKey: "10.0.0.3" }, cfg, later)).minutes).toBe(0);
  });

  it("a distributed guess locks the account for unknown browsers only; the owner's known browser still signs in", async () => {
    const owner = "device-of-sri-0123456789abcdef";
    await authenticate(db, { username: "sri", password: "benar-sekali", clientKey: "10.0.0.2", deviceId: owner }, cfg);
    for (let i = 0; i < cfg.maxFailures * 4; i++) await failure(login("sri", "salah", `10.7.${i}.1`));
    // a new address, a new browser: held back (the account is under attack)
    expect(await failure(login("sri", "benar-sekali", "10.8.0.1"))).toMatchObject({ code: "THROTTLED" });
    expect(
      (await db.auditLog.findFirst({ where: { action: "auth.login_throttled" }, orderBy: { id: "desc" } }))?.after,
    ).toMatchObject({ scope: "account" });
    // the owner's browser, even from the attacked office's address, passes
    expect(
      await authenticate(
        db,
        { username: "sri", password: "benar-sekali", clientKey: "10.7.0.1", deviceId: owner },
        cfg,
      ),
    ).toMatchObject({ username: "sri" });
    // a known browser is still held to its own failures
    for (let i = 0; i < cfg.maxFailures; i++)
      await failure(
        authenticate(db, { username: "sri", password: "salah", clientKey: "10.0.0.2", deviceId: owner }, cfg),
      );
    expect(
      await failure(
        authenticate(db, { username: "sri", password: "benar-sekali", clientKey: "10.0.0.2", deviceId: owner }, cfg),
      ),
    ).toMatchObject({ code: "THROTTLED" });
  });

  it("lets no more guesses through than the limit when they are sent all at once", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => failure(login("lama", "salah", "10.5.5.5"))));
    expect(results.filter((r) => (r as { code: string }).code === "INVALID")).toHaveLength(cfg.maxFailures);
    expect(results.filter((r) => (r as { code: string }).code === "THROTTLED")).toHaveLength(12 - cfg.maxFailures);
  });

  it("counts an IPv6 client by its /64, so rotating addresses within it is one client", async () => {
    expect(throttleKeyOf("2001:db8:1:2:aaaa::1")).toBe(throttleKeyOf("2001:0db8:0001:0002:ffff:1:2:3"));
    expect(throttleKeyOf("::ffff:192.0.2.9")).toBe("192.0.2.9");
    expect(throttleKeyOf("198.51.100.4")).toBe("198.51.100.4");
    expect(throttleKeyOf("unknown")).toBe("unknown");
    for (let i = 1; i <= cfg.maxFailures; i++) await failure(login("sri", "salah", `2001:db8:7:7::${i}`));
    expect(await failure(login("sri", "benar-sekali", "2001:db8:7:7:abcd::99"))).toMatchObject({ code: "THROTTLED" });
    expect(await login("sri", "benar-sekali", "2001:db8:7:8::1")).toMatchObject({ username: "sri" });
  });

  it("takes the client key from the address scripts/server.mjs wrote, and from nothing a client could forge", () => {
    const marker = Symbol.for("pantau.clientAddress");
    const g = globalThis as Record<symbol, unknown>;
    // not served through scripts/server.mjs: X-Forwarded-For is the client's own claim
    expect(clientKeyFrom(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("unknown");
    g[marker] = true;
    try {
      expect(clientKeyFrom(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
      expect(clientKeyFrom({ "x-real-ip": "198.51.100.2" })).toBe("unknown");
      expect(clientKeyFrom(undefined)).toBe("unknown");
    } finally {
      delete g[marker];
    }
  });
});
