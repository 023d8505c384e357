// Free text as people type it: NUL and the other control characters (tab and line ends aside) have no
// place in it, and the database refuses NUL outright — they are dropped at the edge, before anything
// is checked or stored.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function cleanText(s: string): string {
  return s.replace(CONTROL, "");
}

/** True when the text holds a control character that cleanText would drop (for fields that must be exact). */
export function hasControl(s: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(s);
}
