// Failed-login throttle, per account and per client IP, kept in PostgreSQL so it holds across
// server processes and restarts. Each failure is one atomic upsert (no read-modify-write race).
import type { DbTx } from "@/lib/db/prisma";

export const THROTTLE_POLICY = {
  windowMinutes: 15,
  blockMinutes: 15,
  accountFailures: 5,
  ipFailures: 20,
} as const;

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

/** The latest moment until which any of the keys is blocked, or null if none is. */
export async function blockedUntil(db: DbTx, keys: string[]): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys }, blockedUntil: { gt: new Date() } },
    select: { blockedUntil: true },
  });
  const times = rows.map((row) => row.blockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

async function recordFailureFor(db: DbTx, key: string, limit: number): Promise<void> {
  const { windowMinutes, blockMinutes } = THROTTLE_POLICY;
  await db.$executeRaw`
    INSERT INTO login_throttle AS t (key, failures, window_start, blocked_until)
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${limit} THEN now() + make_interval(mins => ${blockMinutes}) END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start < now() - make_interval(mins => ${windowMinutes}) THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start < now() - make_interval(mins => ${windowMinutes}) THEN now() ELSE t.window_start END,
      blocked_until = CASE
        WHEN t.window_start >= now() - make_interval(mins => ${windowMinutes}) AND t.failures + 1 >= ${limit}
          THEN now() + make_interval(mins => ${blockMinutes})
        ELSE t.blocked_until END`;
}

export async function recordLoginFailure(db: DbTx, email: string, ip: string): Promise<void> {
  await recordFailureFor(db, accountKey(email), THROTTLE_POLICY.accountFailures);
  await recordFailureFor(db, ipKey(ip), THROTTLE_POLICY.ipFailures);
}

/** A successful login clears the account's counter (not the IP's: one good password must not
 *  reset the budget of an address that is guessing at other accounts). */
export async function recordLoginSuccess(db: DbTx, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: accountKey(email) } });
}
