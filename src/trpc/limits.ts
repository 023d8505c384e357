/** Procedures in one batched tRPC call: the server refuses more (400), the client's batch link sends no more. */
export const TRPC_MAX_BATCH = 10;
