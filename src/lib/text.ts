// Free text as people type it: NUL and the other control characters (tab and line ends aside) have no
// place in it, and the database refuses NUL outright — they are dropped at the edge, before anything
// is checked or stored.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function cleanText(s: string): string {
  return s.replace(CONTROL, "");
}

/** Any control character at all (tab and line ends included): no address or path of Pantau's has one. */
export const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
