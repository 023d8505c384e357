// Runs once when the Next.js server starts: refuse to serve with a bad environment.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { envOrExit } = await import("./env");
  envOrExit();
}
