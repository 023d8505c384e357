// The tRPC caller for React Server Components, plus hydration helpers.
import "server-only";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
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
