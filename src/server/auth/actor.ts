// Who is acting, in a server action, page or route handler: the signed-in user (with role and unit, for
// the checks) and the client address scripts/server.mjs vouched for (for the audit log).
import type { Session } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Role } from "@/generated/prisma/enums";
import { clientKeyFrom } from "./authenticate";
import { getAccountSession, PASSWORD_CHANGE_PATH } from "./index";

export interface SessionActor {
  id: string;
  name: string;
  role: Role;
  unitId: string | null;
  clientKey: string;
}

export async function actorOf(session: Session): Promise<SessionActor> {
  const u = session.user;
  return { id: u.id, name: u.name, role: u.role, unitId: u.unitId, clientKey: clientKeyFrom(await headers()) };
}

/** For form posts: the signed-in actor, or off to the login page (or the password change it still owes). */
export async function signedInActor(): Promise<SessionActor> {
  const a = await getAccountSession();
  if (!a) redirect("/masuk");
  if (a.mustChangePassword) redirect(PASSWORD_CHANGE_PATH);
  return actorOf(a.session);
}
