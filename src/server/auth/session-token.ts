// Making a session: the same encrypted JWT next-auth reads (next-auth/jwt's encode, same secret and
// cookie), written by the login action after authenticate() let the user in.
import { encode } from "next-auth/jwt";
import type { AuthUser } from "./authenticate";
import { authSecret, SESSION_MAX_AGE, secureCookies, sessionCookieName } from "./options";

export async function sessionCookie(user: AuthUser) {
  const value = await encode({
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE,
    token: { sub: user.id, name: user.name, uid: user.id, username: user.username, role: user.role, unitId: user.unitId, sv: user.sessionVersion },
  });
  return { name: sessionCookieName(), value, options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies(), maxAge: SESSION_MAX_AGE } };
}

/** The browser's device cookie: lets the throttle tell the owner's browser from a stranger's. */
export const DEVICE_COOKIE = "pantau-device";
export function deviceCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies(), maxAge: 365 * 86_400 };
}
