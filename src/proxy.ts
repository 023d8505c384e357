// Runs before every page (not the API routes: they answer JSON, files and text, and pay for nothing
// here): a Content-Security-Policy with a fresh nonce, which Next.js puts on its own inline scripts.
// The headers that never change are in next.config.js; scripts/server.mjs, in front of everything,
// refuses addresses with control characters, marks API answers no-store and sends HSTS over HTTPS.
import { NextResponse, type NextRequest } from "next/server";
import { RENAMED_PARAMS } from "../scripts/renamed-urls.mjs";

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

/**
 * The query with its parameters' old names replaced (?period=year&from=… → ?periode=year&dari=…), or null
 * when it has none. A new name already present wins over the old one.
 */
export function renamedQuery(search: URLSearchParams): URLSearchParams | null {
  const renamed: Record<string, string> = RENAMED_PARAMS;
  if (![...search.keys()].some((k) => Object.hasOwn(renamed, k))) return null;
  const out = new URLSearchParams();
  for (const [k, v] of search) {
    const name = Object.hasOwn(renamed, k) ? renamed[k]! : k;
    if (name !== k && search.has(name)) continue;
    out.append(name, v);
  }
  return out;
}

export function proxy(request: NextRequest) {
  if (request.method === "GET" || request.method === "HEAD") {
    const query = renamedQuery(request.nextUrl.searchParams);
    if (query) {
      const url = request.nextUrl.clone();
      url.search = query.toString();
      return NextResponse.redirect(url, 308);
    }
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // pages only: not Next.js's static files, not the API routes
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
