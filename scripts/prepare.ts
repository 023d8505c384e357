// `npm run dev` / `npm start` run this first: migrate both stores and load demo data, then exit
// so the web server can take the embedded data folder.
import { envOrExit } from "../src/env";
import { DataDirBusyError } from "../src/server/data-dir";
import { setupStores } from "../src/server/setup";

const env = envOrExit();
try {
  await setupStores(env);
  process.exit(0);
} catch (err) {
  console.error(err instanceof DataDirBusyError ? err.message : err);
  process.exit(1);
}
