// Where a browser may be sent after signing in: a path on this site, read by the URL parser the way a
// browser reads it. A backslash, a tab or a newline turns "/\evil.example" or "/<TAB>/evil.example"
// into "//evil.example" for the browser, so anything that is not a plain same-origin path is refused.
import { ANY_CONTROL } from "./text";

const BASE = "http://pantau.invalid";

export function sameOriginPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2000 || !raw.startsWith("/")) return null;
  if (ANY_CONTROL.test(raw) || raw.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const out = url.pathname + url.search + url.hash;
  // the parser folds dot segments ("/.//evil.example" → "//evil.example"): what comes out must still be a path
  return /^\/[/\\]/.test(out) ? null : out;
}
