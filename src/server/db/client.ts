import { PrismaClient } from "@/generated/prisma/client";
import type { RelationalConnection } from "./adapter";

export type Db = PrismaClient;

export function createPrisma(conn: RelationalConnection): Db {
  return new PrismaClient({ adapter: conn.factory });
}
