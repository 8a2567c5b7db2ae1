// Credentials check behind the login form: throttle first, then the password.
import type { Db } from "@/lib/db/prisma";
import type { RoleName } from "@/lib/auth/roles";
import { verifyPassword } from "@/lib/auth/password";
import { accountKey, blockedUntil, ipKey, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/login-throttle";

export interface AuthenticatedUser {
  id: number;
  email: string;
  name: string;
  role: RoleName;
  locale: string;
}

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "blocked"; retryAt: Date };

// A fixed hash to compare against when the account does not exist, so that unknown and known
// e-mails take the same time (no account enumeration by timing).
const DUMMY_HASH = "$2b$11$tWz904SpcYZ9PGQ7ezwgRuUoUXl9W9dlv2Pfz9o3uYmoZYylzGPHO";

export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string },
): Promise<AuthenticationResult> {
  const email = input.email.trim().toLowerCase();
  const blocked = await blockedUntil(db, [accountKey(email), ipKey(input.ip)]);
  if (blocked) return { ok: false, reason: "blocked", retryAt: blocked };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, locale: true, active: true, passwordHash: true },
  });
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !passwordOk) {
    await recordLoginFailure(db, email, input.ip);
    const nowBlocked = await blockedUntil(db, [accountKey(email), ipKey(input.ip)]);
    if (nowBlocked) return { ok: false, reason: "blocked", retryAt: nowBlocked };
    return { ok: false, reason: "invalid" };
  }
  await recordLoginSuccess(db, email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } };
}
