// Prisma CLI configuration. Pantau applies migrations with its own offline runner
// (scripts/db.ts, over the wasm schema engine); a team with Prisma's binary engine can
// still run `prisma migrate deploy` against DATABASE_URL with this file.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/pantau" },
});
