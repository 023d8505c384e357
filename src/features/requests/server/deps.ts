import "server-only";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { mailerFrom } from "@/server/mail";
import { objectStoreFrom } from "@/server/storage";
import type { ObjectStore } from "@/server/storage/types";
import type { RequestDeps } from "./requests";

let store: ObjectStore | undefined;
let mailer: ReturnType<typeof mailerFrom> | undefined;

/** The stores, mailer and limits the request workflow runs with in this process. */
export async function requestDeps(baseUrl: string): Promise<RequestDeps> {
  const e = env();
  store ??= objectStoreFrom(e);
  if (mailer === undefined) mailer = mailerFrom(e);
  return { db: await getDb(), store, mailer, maxUploadBytes: e.UPLOAD_MAX_MB * 1024 * 1024, baseUrl };
}

export function maxUploadMb(): number {
  return env().UPLOAD_MAX_MB;
}
