import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailerFrom } from "./mail";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

// Enough MIME decoding to read back what nodemailer wrote (quoted-printable or base64 bodies,
// RFC 2047 encoded-word headers), without another dependency.
function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

function parse(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.indexOf("\r\n\r\n");
  const headers: Record<string, string> = {};
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, " ")
    .split("\r\n")) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const encoded = raw.slice(split + 4);
  const cte = (headers["content-transfer-encoding"] ?? "").toLowerCase();
  const body =
    cte === "quoted-printable"
      ? decodeQuotedPrintable(encoded)
      : cte === "base64"
        ? Buffer.from(encoded, "base64").toString("utf8")
        : encoded;
  return { headers, body: body.replace(/\r\n$/, "") };
}

async function freePort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("mailerFrom", () => {
  it("is off without SMTP_URL", () => {
    expect(mailerFrom({})).toBeNull();
    expect(mailerFrom({ SMTP_URL: "", SMTP_FROM: "pantau@example.go.id" })).toBeNull();
  });

  it("needs a sender, taking the SMTP user when it is an address", () => {
    expect(() => mailerFrom({ SMTP_URL: "smtp://relay.internal:25" })).toThrow(/SMTP_FROM/);
    expect(mailerFrom({ SMTP_URL: "smtps://pantau%40example.go.id:pw@mail.example.go.id" })).not.toBeNull();
  });

  it("refuses a malformed SMTP_URL without repeating it", () => {
    expect(() => mailerFrom({ SMTP_URL: "not a url:hunter2", SMTP_FROM: "a@b.c" })).toThrow(/^(?!.*hunter2).*SMTP_URL/);
  });
});

describe("Mailer against a real SMTP server", () => {
  let server: SMTPServer;
  let port: number;
  const received: Received[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      // No STARTTLS: the server's built-in certificate is self-signed and nodemailer rightly refuses it.
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("delivers to the right recipient with subject and UTF-8 Indonesian body intact", async () => {
    const mailer = mailerFrom({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_FROM: "Pantau BKPSDM <pantau@bkpsdm.example.go.id>",
    })!;
    const text = "Permohonan cuti Anda telah disetujui — 22 Nov 2026";
    await mailer.send({ to: "siti.rahayu@example.go.id", subject: "Cuti disetujui — Pantau", text });

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe("pantau@bkpsdm.example.go.id");
    expect(mail!.to).toEqual(["siti.rahayu@example.go.id"]);
    const { headers, body } = parse(mail!.raw);
    expect(headers.to).toBe("siti.rahayu@example.go.id");
    expect(headers.from).toBe("Pantau BKPSDM <pantau@bkpsdm.example.go.id>");
    expect(decodeHeader(headers.subject ?? "")).toBe("Cuti disetujui — Pantau");
    expect(headers["content-type"]).toMatch(/^text\/plain; charset=utf-8/i);
    expect(body).toBe(text);
  });

  it("rejects, instead of hanging, when nothing listens on the port", async () => {
    const mailer = mailerFrom({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}`, SMTP_FROM: "pantau@example.go.id" })!;
    const started = Date.now();
    await expect(mailer.send({ to: "a@example.go.id", subject: "x", text: "x" })).rejects.toThrow(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  // nodemailer's own defaults are 30 s for the greeting and 10 min for a stalled socket.
  it.each([
    { label: "300 ms", timeoutMs: 300, within: 2_000 },
    { label: "the 10 s default", timeoutMs: undefined, within: 12_000 },
  ])("gives up on a server that accepts the connection but never greets ($label)", async ({ timeoutMs, within }) => {
    const sockets: Socket[] = [];
    const silent: TcpServer = createTcpServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const mailer = mailerFrom(
        { SMTP_URL: `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`, SMTP_FROM: "pantau@example.go.id" },
        { timeoutMs },
      )!;
      const started = Date.now();
      // Greeting and idle-socket timers are equal here; whichever fires first says so.
      await expect(mailer.send({ to: "a@example.go.id", subject: "x", text: "x" })).rejects.toThrow(
        /Greeting never received|Timeout/,
      );
      expect(Date.now() - started).toBeLessThan(within);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("keeps a timeout given in SMTP_URL", async () => {
    const sockets: Socket[] = [];
    const silent: TcpServer = createTcpServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const mailer = mailerFrom(
        { SMTP_URL: `smtp://127.0.0.1:${port}?greetingTimeout=200`, SMTP_FROM: "pantau@example.go.id" },
        { timeoutMs: 20_000 },
      )!;
      const started = Date.now();
      await expect(mailer.send({ to: "a@example.go.id", subject: "x", text: "x" })).rejects.toThrow(
        /Greeting never received/,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
