// The first administrator of a real deployment (PANTAU_DEMO=0 has no demo accounts):
//   npm run user:create-admin -- <username> "<full name>"
// The password comes from PANTAU_ADMIN_PASSWORD, or a random one is generated and printed once.
import { randomBytes } from "node:crypto";
import { envOrExit } from "../src/env";
import { createUserInput } from "../src/features/admin/schemas";
import { isMessageKey, translator } from "../src/i18n/catalog";
import { recordAudit } from "../src/server/audit";
import { hashPassword } from "../src/server/auth/password";
import { openRelational, relationalTarget } from "../src/server/db/adapter";
import { createPrisma } from "../src/server/db/client";

const [username, name] = process.argv.slice(2);
const password = process.env.PANTAU_ADMIN_PASSWORD || randomBytes(12).toString("base64url");
const parsed = createUserInput.safeParse({ username, name: name ?? username, password, role: "ADMIN", unitId: null });
if (!parsed.success) {
  console.error(
    "usage: npm run user:create-admin -- <username> \"<full name>\"\n" +
      parsed.error.issues
        .map((i) => `  - ${String(i.path[0])}: ${isMessageKey(i.message) ? `${translator("id")(i.message)} / ${translator("en")(i.message)}` : i.message}`)
        .join("\n"),
  );
  process.exit(2);
}
const conn = await openRelational(relationalTarget(envOrExit()));
const db = createPrisma(conn);
try {
  if (await db.user.findUnique({ where: { username: parsed.data.username } })) {
    console.error(`Nama pengguna ${parsed.data.username} sudah ada / username already exists.`);
    process.exit(1);
  }
  const user = await db.user.create({
    data: { username: parsed.data.username, name: parsed.data.name, role: "ADMIN", passwordHash: await hashPassword(password) },
    select: { id: true, username: true, role: true },
  });
  await recordAudit(db, { id: null, name: "cli" }, { action: "user.create", entity: "User", entityId: user.id, after: user });
  console.log(`Admin ${user.username} dibuat / created.${process.env.PANTAU_ADMIN_PASSWORD ? "" : ` Password: ${password}`}`);
} finally {
  await db.$disconnect();
  await conn.close();
}
process.exit(0);
