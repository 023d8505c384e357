"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { endSessions } from "@/features/admin/server/create-user";
import { getSession } from "@/server/auth";
import { clientKeyFrom } from "@/server/auth/authenticate";
import { sessionCookieName } from "@/server/auth/options";
import { getDb } from "@/server/db";

/** "Sign out everywhere" for oneself: every session of this account ends, this one too. */
export async function signOutEverywhere(): Promise<void> {
  const session = await getSession();
  if (session) {
    await endSessions(await getDb(), { id: session.user.id, name: session.user.name, clientKey: clientKeyFrom(await headers()) }, session.user.id);
  }
  (await cookies()).delete(sessionCookieName());
  redirect("/login");
}
