// The app's ClickHouse connection: one per process, opened on first use.
import "server-only";
import { env } from "@/env";
import { openClickHouse } from "./open";
import type { ClickHouse } from "./types";

export type { ClickHouse } from "./types";

const globalForCh = globalThis as unknown as { pantauClickHouse?: Promise<ClickHouse> };

export function getClickHouse(): Promise<ClickHouse> {
  globalForCh.pantauClickHouse ??= openClickHouse(env());
  return globalForCh.pantauClickHouse;
}
