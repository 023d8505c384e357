// Child process for the cookie test: what the session and device cookies look like under this environment.
import { clearedSessionCookie, deviceCookieName, deviceCookieOptions } from "@/server/auth/session-token";

console.log(
  JSON.stringify({
    cleared: clearedSessionCookie(),
    device: { name: deviceCookieName(), options: deviceCookieOptions() },
  }),
);
