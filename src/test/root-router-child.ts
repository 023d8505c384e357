// Child process for the router test: loads the root router as the benchmarks and the command line do,
// outside Next.js (where a "server-only" import throws), and prints its top-level routers.
const { appRouter } = await import("@/server/api/root");
console.log(Object.keys(appRouter._def.record).sort().join(","));
export {};
