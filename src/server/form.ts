// A posted form's text fields, taken once at the edge: a missing field is "", a file where text was
// expected is "", and control characters (NUL among them, which the database refuses) are dropped.
import { cleanText } from "@/lib/text";

export function field(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? cleanText(v) : "";
}

/** Every text field of the form (React's own "$…" fields left out), cleaned the same way. */
export function textFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (!k.startsWith("$") && typeof v === "string") out[k] = cleanText(v);
  return out;
}
