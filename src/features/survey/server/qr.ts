// QR codes for service points, drawn on the server as SVG (prints sharp at any size).
import "server-only";
import { headers } from "next/headers";
import QRCode from "qrcode";

/** The public address of this installation: NEXTAUTH_URL when set, else the request's own host. */
export async function publicBaseUrl(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

export const surveyUrl = (base: string, code: string, via?: "qr") =>
  `${base}/survei/${encodeURIComponent(code)}${via ? "?via=qr" : ""}`;

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, {
    type: "svg",
    margin: 2,
    errorCorrectionLevel: "M",
    color: { dark: "#000000", light: "#ffffff" },
  });
}
