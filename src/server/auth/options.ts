import type { NextAuthOptions } from "next-auth";
import type { Role } from "@/generated/prisma/enums";
import { env } from "@/env";
import { devAuthSecret } from "../data-dir";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; username: string; role: Role; unitId: string | null; sv?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    username: string;
    role: Role;
    unitId: string | null;
    /** The account's session version when the session was made (see getSession). */
    sv: number;
  }
}

/** Sessions last a working day; every request also checks the account is still as it was. */
export const SESSION_MAX_AGE = 8 * 60 * 60;

export function authSecret(): string {
  const e = env();
  return e.NEXTAUTH_SECRET ?? devAuthSecret(e.dataDir);
}

/** Cookies are Secure when the public URL is HTTPS (next-auth's own rule, stated once). */
export function secureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

// next-auth reads and ends sessions (getServerSession, sign-out). Sessions are made by the login
// form's server action (src/app/masuk/actions.ts), the one door in: it posts without JavaScript,
// throttles per user, client and browser, and checks where it may send the browser next.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/masuk" },
  get secret() {
    return authSecret();
  },
  get useSecureCookies() {
    return secureCookies();
  },
  providers: [],
  callbacks: {
    session({ session, token }) {
      session.user = {
        id: token.uid,
        name: token.name ?? token.username,
        username: token.username,
        role: token.role,
        unitId: token.unitId,
        sv: token.sv ?? -1,
      };
      return session;
    },
  },
};
