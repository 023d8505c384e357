// Making and ending a session: the same encrypted JWT next-auth reads (next-auth/jwt's encode, same
// secret and cookie), written by the login action after authenticate() let the user in.
import { encode } from "next-auth/jwt";
import type { AuthUser } from "./authenticate";
import { authSecret, SESSION_MAX_AGE, secureCookies, sessionCookieName } from "./options";

const sessionOptions = () => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies() });

export async function sessionCookie(user: AuthUser) {
  const value = await encode({
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE,
    token: {
      sub: user.id,
      name: user.name,
      uid: user.id,
      username: user.username,
      role: user.role,
      unitId: user.unitId,
      sv: user.sessionVersion,
    },
  });
  return { name: sessionCookieName(), value, options: { ...sessionOptions(), maxAge: SESSION_MAX_AGE } };
}

/**
 * The cookie that ends a session in this browser. It carries the same attributes as the one that made
 * it: a browser ignores a "__Secure-" cookie set without Secure, so a bare delete signed nobody out on HTTPS.
 */
export function clearedSessionCookie() {
  return { name: sessionCookieName(), value: "", options: { ...sessionOptions(), maxAge: 0 } };
}

/**
 * The browser's device cookie: lets the throttle tell the owner's browser from a stranger's. On HTTPS
 * it is a "__Host-" cookie, so a sibling subdomain cannot plant a device id of its choosing.
 */
export function deviceCookieName(): string {
  return secureCookies() ? "__Host-pantau-device" : "pantau-device";
}
export function deviceCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies(), maxAge: 365 * 86_400 };
}
