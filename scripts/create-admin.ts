// The first administrator of a real deployment (PANTAU_DEMO=0 has no demo accounts):
//   npm run user:create-admin -- <username> "<full name>"
// The password comes from PANTAU_ADMIN_PASSWORD, or a random one is generated and printed once.
import { randomBytes } from "node:crypto";
import { envOrExit } from "../src/env";
import { createUserInput } from "../src/features/admin/schemas";
import { isMessageKey, translator } from "../src/i18n/catalog";
import { createUser, UsernameTakenError } from "../src/features/admin/server/create-user";
import { openRelational, relationalTarget } from "../src/server/db/adapter";
import { createPrisma } from "../src/server/db/client";
import { DataDirBusyError } from "../src/server/data-dir";

const [username, name] = process.argv.slice(2);
const password = process.env.PANTAU_ADMIN_PASSWORD || randomBytes(12).toString("base64url");
const parsed = createUserInput.safeParse({ username, name: name ?? username, password, role: "ADMIN", unitId: null });
if (!parsed.success) {
  console.error(
    'usage: npm run user:create-admin -- <username> "<full name>"\n' +
      parsed.error.issues
        .map(
          (i) =>
            `  - ${String(i.path[0])}: ${isMessageKey(i.message) ? `${translator("id")(i.message)} / ${translator("en")(i.message)}` : i.message}`,
        )
        .join("\n"),
  );
  process.exit(2);
}
let conn;
try {
  conn = await openRelational(relationalTarget(envOrExit()));
} catch (err) {
  // the running server owns the embedded data folder: say so, as the other tools do
  if (!(err instanceof DataDirBusyError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const db = createPrisma(conn);
try {
  const user = await createUser(db, { id: null, name: "cli" }, parsed.data);
  console.log(
    `Admin ${user.username} dibuat / created.${process.env.PANTAU_ADMIN_PASSWORD ? "" : ` Password: ${password}`}`,
  );
} catch (err) {
  if (!(err instanceof UsernameTakenError)) throw err;
  console.error(`Nama pengguna ${err.username} sudah ada / username already exists.`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await conn.close();
}
process.exit(process.exitCode ?? 0);
