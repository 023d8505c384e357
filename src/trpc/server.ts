// The tRPC caller for React Server Components, plus hydration helpers.
import "server-only";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { appRouter, createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { makeQueryClient } from "./query-client";

const createContext = cache(async () => createTRPCContext({ headers: new Headers(await headers()) }));

export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

/** Direct calls from server components: `const api = await serverCaller(); await api.units.list()`. */
export async function serverCaller() {
  return createCaller(await createContext());
}

/**
 * A page's data through its router: a refusal becomes the page's 403 or 404 (the page has already sent
 * a signed-out visitor to the login page), anything else stays an error.
 */
export async function pageData<T>(call: (api: Awaited<ReturnType<typeof serverCaller>>) => Promise<T>): Promise<T> {
  try {
    return await call(await serverCaller());
  } catch (e) {
    if (e instanceof TRPCError && e.code === "FORBIDDEN") forbidden();
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}
