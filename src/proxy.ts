// Runs before every page and API route: refuses addresses no page of Pantau has (a NUL or another
// control character, which would otherwise reach the database), and sets the security headers — a
// Content-Security-Policy with a fresh nonce for Next.js's own inline scripts, and no caching of API
// answers that may hold personal data. The headers that never change are set in next.config.js;
// Strict-Transport-Security by scripts/server.mjs, which knows whether the client came over HTTPS.
import { NextResponse, type NextRequest } from "next/server";
import { ANY_CONTROL } from "@/lib/text";


function decodedHasControl(raw: string): boolean {
  try {
    return ANY_CONTROL.test(decodeURIComponent(raw.replace(/\+/g, " ")));
  } catch {
    return true; // a malformed escape is not an address either
  }
}

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // Next.js's scripts carry the nonce; what they load is allowed through 'strict-dynamic'
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // charts and server-drawn markup use style attributes
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (decodedHasControl(pathname) || decodedHasControl(search)) {
    return new NextResponse("Alamat tidak valid / invalid address", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  if (pathname.startsWith("/api/") && !pathname.startsWith("/api/open-data/")) response.headers.set("cache-control", "no-store");
  return response;
}

export const config = {
  // everything but Next.js's static files (they get the fixed headers from next.config.js)
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
