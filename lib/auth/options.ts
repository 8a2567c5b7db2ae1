import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { authenticate } from "@/lib/auth/authenticate";
import type { RoleName } from "@/lib/auth/roles";

const credentialsSchema = z.object({
  email: z.string().trim().email().max(200),
  password: z.string().min(1).max(200),
});

/** Error codes the login form turns into messages ("blocked:<ISO time>" carries the retry time). */
export const LOGIN_ERROR = { invalid: "invalid", blocked: "blocked" } as const;

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(LOGIN_ERROR.invalid);
        const result = await authenticate(db(), { ...parsed.data, ip: clientIp(request?.headers) });
        if (!result.ok) {
          throw new Error(result.reason === "blocked" ? `${LOGIN_ERROR.blocked}:${result.retryAt.toISOString()}` : LOGIN_ERROR.invalid);
        }
        return { id: String(result.user.id), email: result.user.email, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.userId = Number(user.id);
        token.role = user.role;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = { ...session.user, id: token.userId as number, role: token.role as RoleName };
      return session;
    },
  },
};
