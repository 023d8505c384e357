// E-mail notifications over SMTP (nodemailer). Off unless SMTP_URL is set, e.g.
// `smtps://user:pass@mail.example.go.id:465` or `smtp://relay.internal:25` (STARTTLS when offered).
import nodemailer from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(msg: MailMessage): Promise<void>;
}

export interface MailConfig {
  SMTP_URL?: string;
  /** Sender, e.g. `Pantau BKPSDM <pantau@bkpsdm.example.go.id>`; defaults to the SMTP user when that is an address. */
  SMTP_FROM?: string;
}

// Mail is sent while a request waits: a dead or silent server must fail fast, not hang it.
const TIMEOUT_MS = 10_000;

/** The mailer, or null when no SMTP_URL is configured. `timeoutMs` is for tests. */
export function mailerFrom(config: MailConfig, { timeoutMs = TIMEOUT_MS }: { timeoutMs?: number } = {}): Mailer | null {
  if (!config.SMTP_URL) return null;
  let url: URL;
  try {
    url = new URL(config.SMTP_URL);
  } catch {
    // The URL may hold a password: never repeat it in the message.
    throw new Error("SMTP_URL bukan URL yang sah. / SMTP_URL is not a valid URL (smtp://… or smtps://…).");
  }
  const user = decodeURIComponent(url.username);
  const from = config.SMTP_FROM || (user.includes("@") ? user : "");
  if (!from)
    throw new Error("SMTP_URL diisi, tetapi SMTP_FROM belum diisi. / SMTP_URL is set, but SMTP_FROM is missing.");
  // Timeouts go into the URL's query: nodemailer ignores all other options once it is given a URL,
  // and this way a `?socketTimeout=…` in SMTP_URL still wins.
  for (const name of ["connectionTimeout", "greetingTimeout", "socketTimeout"]) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(timeoutMs));
  }
  const transport = nodemailer.createTransport(url.href, { from });
  return {
    async send(msg) {
      await transport.sendMail({ to: msg.to, subject: msg.subject, text: msg.text });
    },
  };
}
