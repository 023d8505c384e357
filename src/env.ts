// Every environment variable Pantau reads, declared once and validated with zod.
// A missing or malformed value stops the process with a message naming the variable.
import path from "node:path";
import { IKM_MIN_RESPONDENTS_DEFAULT } from "./lib/domain/ikm";
import { isCalendarDate } from "./lib/domain/working-days";
import { trustFrom } from "../scripts/forwarded.mjs";
import { z } from "zod";

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .optional()
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(" or ")}`,
    });

const emptyAsUndefined = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const intFrom = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

const boolFrom = (def: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? def : ["1", "true", "yes"].includes(v)));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Folder for the embedded stores (PGlite, chDB), the dev auth secret and uploads. */
    PANTAU_DATA_DIR: z.string().trim().min(1).default("./.data"),
    /** PostgreSQL connection string; without it Pantau uses embedded PGlite in the data folder. */
    DATABASE_URL: optionalUrl(["postgres", "postgresql"]),
    /** ClickHouse HTTP(S) endpoint; without it Pantau uses embedded chDB in the data folder. */
    CLICKHOUSE_URL: optionalUrl(["http", "https"]),
    CLICKHOUSE_USER: z.string().trim().min(1).default("default"),
    CLICKHOUSE_PASSWORD: z.string().default(""),
    CLICKHOUSE_DATABASE: z
      .string()
      .trim()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a plain identifier (letters, digits, _)")
      .default("pantau"),
    /** Cluster name: migrations run ON CLUSTER with replicated engines. Server only. */
    CLICKHOUSE_CLUSTER: emptyAsUndefined.refine((v) => v === undefined || /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(v), {
      message: "must be a cluster name from the server's remote_servers",
    }),
    NEXTAUTH_SECRET: emptyAsUndefined.refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters (e.g. `openssl rand -base64 32`)",
    }),
    NEXTAUTH_URL: optionalUrl(["http", "https"]),
    /** Load the demo data set into empty stores at start-up. */
    PANTAU_DEMO: boolFrom(true),
    /** Employees in the generated demo data (only when PANTAU_DEMO loads an empty store). */
    PANTAU_DEMO_EMPLOYEES: intFrom(300, 10, 100_000),
    /** Pins the working calendar's today (yyyy-mm-dd) for tests and demos; see src/server/clock.ts. */
    PANTAU_TODAY: emptyAsUndefined.refine((v) => v === undefined || isCalendarDate(v), {
      message: "must be a date as yyyy-mm-dd",
    }),
    /** Backups of the data folder (src/server/backup.ts): where, how often the server makes one (0 = never), how many are kept. */
    BACKUP_DIR: emptyAsUndefined,
    BACKUP_INTERVAL_HOURS: intFrom(24, 0, 24 * 31),
    BACKUP_KEEP: intFrom(7, 1, 1000),
    /** The web server runs the ETL this often (minutes); 0 turns the schedule off. */
    ETL_INTERVAL_MINUTES: intFrom(15, 0, 24 * 60),
    /** Largest document an employee or HR may upload with a request (MB). */
    UPLOAD_MAX_MB: intFrom(5, 1, 10),
    /** Largest attendance or e-Kinerja export uploaded on Impor data (MB); streamed to the data folder. */
    IMPORT_MAX_MB: intFrom(250, 1, 4096),
    /** S3-compatible storage for uploaded documents; without S3_BUCKET they go to <data folder>/uploads. */
    S3_ENDPOINT: optionalUrl(["http", "https"]),
    S3_BUCKET: emptyAsUndefined,
    S3_REGION: z.string().trim().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: emptyAsUndefined,
    S3_SECRET_ACCESS_KEY: emptyAsUndefined,
    /** SMTP server for e-mail notifications, e.g. smtps://user:pass@mail.example.go.id:465; none = in-app only. */
    SMTP_URL: optionalUrl(["smtp", "smtps"]),
    SMTP_FROM: z.string().trim().min(3).default("Pantau <pantau@localhost>"),
    /** IKM: least respondents for a value to be shown when the population served is unknown (src/lib/domain/ikm.ts). */
    IKM_MIN_RESPONDENTS: intFrom(IKM_MIN_RESPONDENTS_DEFAULT, 1, 10_000),
    LOGIN_MAX_FAILURES: intFrom(5, 1, 100),
    LOGIN_LOCK_MINUTES: intFrom(15, 1, 24 * 60),
    /**
     * Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, or loopback / linklocal /
     * uniquelocal), comma-separated; empty: none, the socket's address is the client. Read by scripts/server.mjs.
     */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .refine((v) => {
        try {
          trustFrom(v);
          return true;
        } catch {
          return false;
        }
      }, "must be IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal), separated by commas"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
    }
    if (env.S3_BUCKET && (!env.S3_ENDPOINT || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["S3_BUCKET"],
        message: "needs S3_ENDPOINT, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY",
      });
    }
    if (env.PANTAU_TODAY && env.NODE_ENV === "production" && !env.PANTAU_DEMO) {
      // a pinned calendar stamps real people's requests and answers with the wrong day
      ctx.addIssue({
        code: "custom",
        path: ["PANTAU_TODAY"],
        message: "is for tests and demos only (PANTAU_DEMO=1), never for a real region",
      });
    }
    if (env.CLICKHOUSE_CLUSTER && !env.CLICKHOUSE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["CLICKHOUSE_CLUSTER"],
        message: "needs CLICKHOUSE_URL (embedded chDB has no cluster)",
      });
    }
  });

export type Env = z.infer<typeof envSchema> & { dataDir: string };

export class EnvError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      "Konfigurasi lingkungan tidak valid / invalid environment:\n" +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n"),
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => ({ variable: String(i.path[0] ?? "?"), message: i.message })));
  }
  return { ...result.data, dataDir: path.resolve(result.data.PANTAU_DATA_DIR) };
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For start-up code: validate, or print which variable is wrong and exit. */
export function envOrExit(): Env {
  try {
    return env();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
