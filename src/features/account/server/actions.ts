"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { clearedSessionCookie } from "@/server/auth/session-token";
import { serverCaller } from "@/trpc/server";

/** "Sign out everywhere" for oneself (a form post): every session of this account ends, this one too. */
export async function signOutEverywhere(): Promise<void> {
  await (await serverCaller()).account.signOutEverywhere().catch(() => {}); // not signed in: nothing to end
  const c = clearedSessionCookie();
  (await cookies()).set(c.name, c.value, c.options);
  redirect("/masuk");
}
