"use server";
// The one way in: the login form posts here (a plain POST, so it works before or without JavaScript),
// and a session cookie is made only after authenticate() let the user in.
import { randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/env";
import { homeFor } from "@/lib/navigation";
import { sameOriginPath } from "@/lib/safe-redirect";
import { PASSWORD_CHANGE_PATH } from "@/server/auth";
import { AuthError, authenticate, clientKeyFrom, deviceHashOf } from "@/server/auth/authenticate";
import {
  clearedSessionCookie,
  deviceCookieName,
  deviceCookieOptions,
  sessionCookie,
} from "@/server/auth/session-token";
import { getDb } from "@/server/db";

export interface LoginState {
  /** INVALID, THROTTLED:<minutes> or UNKNOWN (the login page words it). */
  error?: string;
  username?: string;
}

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const username = String(form.get("username") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const callbackUrl = sameOriginPath(String(form.get("callbackUrl") ?? ""));
  // what no account can have (too long, or a NUL byte the database refuses) is a wrong login, not an error
  if (!username || !password || username.length > 64 || password.length > 200 || /\0/.test(username + password)) {
    return { error: "INVALID", username: username.replace(/\0/g, "").slice(0, 64) };
  }
  const [h, jar] = await Promise.all([headers(), cookies()]);
  const deviceId = jar.get(deviceCookieName())?.value;
  const e = env();
  let user;
  try {
    user = await authenticate(
      await getDb(),
      { username, password, clientKey: clientKeyFrom(h), deviceId },
      { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    );
  } catch (err) {
    if (err instanceof AuthError) return { error: err.message, username };
    console.error("[login]", err);
    return { error: "UNKNOWN", username };
  }
  const session = await sessionCookie(user);
  jar.set(session.name, session.value, session.options);
  if (!deviceHashOf(deviceId))
    jar.set(deviceCookieName(), randomBytes(24).toString("base64url"), deviceCookieOptions());
  // a one-time password is replaced before anything else (every other page would send the browser there too)
  if (user.mustChangePassword)
    redirect(`${PASSWORD_CHANGE_PATH}${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
  redirect(callbackUrl ?? homeFor(user.role));
}

/** Signing out is a form post too: the session cookie goes, nothing else is needed. */
export async function logout(): Promise<void> {
  const c = clearedSessionCookie();
  (await cookies()).set(c.name, c.value, c.options);
  redirect("/");
}
