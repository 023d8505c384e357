// The first administrator of an installation without demo data: start-up prints a one-time link
// (/aktivasi/<token>, 24 hours) while no ADMIN exists; the page behind it makes that account once.
// Only the token's SHA-256 is stored, so the database (or a backup of it) does not hold a usable link.
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "@/server/audit";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { publicUserFields } from "@/features/admin/server/create-user";
import type { FieldErrors, FirstAdminInput } from "../schemas";

export const SETUP_TOKEN_HOURS = 24;

export const hashSetupToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function adminExists(db: Db): Promise<boolean> {
  return db.user.count({ where: { role: "ADMIN" } }).then((n) => n > 0);
}

/**
 * A fresh setup token while no administrator exists (null once one does). Each start makes a new one;
 * earlier links stay valid until they expire (another instance may have printed one), expired ones go.
 */
export async function issueSetupToken(db: Db, now = new Date()): Promise<{ token: string; expiresAt: Date } | null> {
  if (await adminExists(db)) return null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SETUP_TOKEN_HOURS * 3600_000);
  await db.$transaction([
    db.setupToken.deleteMany({ where: { usedAt: null, expiresAt: { lt: now } } }),
    db.setupToken.create({ data: { tokenHash: hashSetupToken(token), expiresAt } }),
  ]);
  return { token, expiresAt };
}

export type SetupTokenState = "valid" | "unknown" | "used" | "expired" | "adminExists";

/** What the link is worth now; an unknown token and a malformed one look the same. */
export async function setupTokenState(db: Db, token: string, now = new Date()): Promise<SetupTokenState> {
  if (await adminExists(db)) return "adminExists";
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return "unknown";
  const row = await db.setupToken.findUnique({ where: { tokenHash: hashSetupToken(token) } });
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

export type FirstAdminResult =
  { ok: true; username: string } | { ok: false; state?: Exclude<SetupTokenState, "valid">; errors: FieldErrors };

/**
 * Makes the first ADMIN with the link's token, all in one transaction: the token is claimed (used once,
 * even by two posts at the same moment), no administrator may exist yet, the username must be free.
 */
export async function createFirstAdmin(
  db: Db,
  token: string,
  input: FirstAdminInput,
  now = new Date(),
): Promise<FirstAdminResult> {
  const state = await setupTokenState(db, token, now);
  if (state !== "valid") return { ok: false, state, errors: { _form: `setup.token.${state}` } };
  const passwordHash = await hashPassword(input.password);
  const refused = (r: FirstAdminResult) => Object.assign(new Error("refused"), { result: r });
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.setupToken.updateMany({
        where: { tokenHash: hashSetupToken(token), usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) throw refused({ ok: false, state: "used", errors: { _form: "setup.token.used" } });
      if ((await tx.user.count({ where: { role: "ADMIN" } })) > 0)
        throw refused({ ok: false, state: "adminExists", errors: { _form: "setup.token.adminExists" } });
      if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
        throw refused({ ok: false, errors: { username: "validation.usernameTaken" } });
      }
      const user = await tx.user.create({
        data: { username: input.username, name: input.name, role: "ADMIN", passwordHash },
        select: publicUserFields,
      });
      await recordAudit(
        tx,
        { id: null, name: "setup link" },
        { action: "user.create_first_admin", entity: "User", entityId: user.id, after: user },
      );
      return { ok: true as const, username: user.username };
    });
  } catch (err) {
    if (err instanceof Error && "result" in err) return (err as Error & { result: FirstAdminResult }).result;
    throw err;
  }
}
