// Who is acting, for the audit log, in a server action or a route handler: the signed-in user and the
// client address scripts/server.mjs vouched for.
import type { Session } from "next-auth";
import { headers } from "next/headers";
import type { Actor } from "../audit";
import { clientKeyFrom } from "./authenticate";

export async function actorOf(session: Session): Promise<Actor> {
  return { id: session.user.id, name: session.user.name, clientKey: clientKeyFrom(await headers()) };
}
