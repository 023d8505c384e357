import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/env";
import type { Role } from "@/generated/prisma/enums";
import { devAuthSecret } from "../data-dir";
import { getDb } from "../db";
import { authenticate, clientKeyFrom } from "./authenticate";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; username: string; role: Role; unitId: string | null };
  }
  interface User {
    id: string;
    username: string;
    role: Role;
    unitId: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    username: string;
    role: Role;
    unitId: string | null;
  }
}

const credentials = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });

export function authSecret(): string {
  const e = env();
  return e.NEXTAUTH_SECRET ?? devAuthSecret(e.dataDir);
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  get secret() {
    return authSecret();
  },
  providers: [
    CredentialsProvider({
      name: "Pantau",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(raw, req) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new Error("INVALID");
        const e = env();
        const user = await authenticate(
          await getDb(),
          { ...parsed.data, clientKey: clientKeyFrom(req?.headers) },
          { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
        );
        return { id: user.id, name: user.name, username: user.username, role: user.role, unitId: user.unitId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.username = user.username;
        token.role = user.role;
        token.unitId = user.unitId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, name: token.name ?? token.username, username: token.username, role: token.role, unitId: token.unitId };
      return session;
    },
  },
};
