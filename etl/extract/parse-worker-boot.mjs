// Worker entry: registers tsx (the worker code is TypeScript), then runs the parse worker.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
