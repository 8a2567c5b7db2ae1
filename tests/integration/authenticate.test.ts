import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../../lib/auth/authenticate";
import { THROTTLE_POLICY } from "../../lib/auth/login-throttle";
import { hashPassword } from "../../lib/auth/password";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const passwordHash = await hashPassword("correct horse");
  await t.db.user.createMany({
    data: [
      { email: "ana@example.es", name: "Ana", role: "ADMIN", passwordHash },
      { email: "blocked@example.es", name: "Bea", role: "DELEGATE", passwordHash },
      { email: "gone@example.es", name: "Gus", role: "MANAGER", passwordHash, active: false },
      ...Array.from({ length: 25 }, (_, i) => ({ email: `u${i}@example.es`, name: `U${i}`, role: "DELEGATE" as const, passwordHash })),
    ],
  });
});
afterAll(() => t.drop());

describe("authenticate", () => {
  it("accepts the right password, case-insensitively on the e-mail", async () => {
    const result = await authenticate(t.db, { email: " Ana@Example.es ", password: "correct horse", ip: "10.0.0.1" });
    expect(result).toMatchObject({ ok: true, user: { email: "ana@example.es", role: "ADMIN" } });
  });

  it("refuses a wrong password, an unknown account and an inactive one with the same answer", async () => {
    for (const email of ["ana@example.es", "nobody@example.es"]) {
      expect(await authenticate(t.db, { email, password: "wrong", ip: "10.0.0.2" })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate(t.db, { email: "gone@example.es", password: "correct horse", ip: "10.0.0.2" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("blocks an account after repeated failures, even with the right password afterwards", async () => {
    const attempts = [];
    for (let i = 0; i < THROTTLE_POLICY.accountFailures; i++) {
      attempts.push(await authenticate(t.db, { email: "blocked@example.es", password: `guess${i}`, ip: `10.1.0.${i}` }));
    }
    expect(attempts.slice(0, -1).every((a) => !a.ok && a.reason === "invalid")).toBe(true);
    expect(attempts.at(-1)).toMatchObject({ ok: false, reason: "blocked" });
    const later = await authenticate(t.db, { email: "blocked@example.es", password: "correct horse", ip: "10.9.9.9" });
    expect(later.ok).toBe(false);
    if (!later.ok && later.reason === "blocked") {
      const minutes = (later.retryAt.getTime() - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(THROTTLE_POLICY.blockMinutes - 1);
      expect(minutes).toBeLessThanOrEqual(THROTTLE_POLICY.blockMinutes);
    } else {
      throw new Error("expected the account to be blocked");
    }
  });

  it("blocks an IP that guesses across many accounts", async () => {
    let last;
    for (let i = 0; i < THROTTLE_POLICY.ipFailures; i++) {
      last = await authenticate(t.db, { email: `u${i}@example.es`, password: "nope", ip: "192.0.2.7" });
    }
    expect(last).toMatchObject({ ok: false, reason: "blocked" });
    // A different account with the right password is still refused from that address…
    expect((await authenticate(t.db, { email: "u24@example.es", password: "correct horse", ip: "192.0.2.7" })).ok).toBe(false);
    // …but not from another one.
    expect((await authenticate(t.db, { email: "u24@example.es", password: "correct horse", ip: "192.0.2.8" })).ok).toBe(true);
  });

  it("a success clears the account's failure count", async () => {
    for (let i = 0; i < THROTTLE_POLICY.accountFailures - 1; i++) {
      await authenticate(t.db, { email: "u23@example.es", password: "nope", ip: "10.2.0.1" });
    }
    expect((await authenticate(t.db, { email: "u23@example.es", password: "correct horse", ip: "10.2.0.1" })).ok).toBe(true);
    expect(await authenticate(t.db, { email: "u23@example.es", password: "nope", ip: "10.2.0.1" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("counts concurrent failures without losing any", async () => {
    await Promise.all(
      Array.from({ length: THROTTLE_POLICY.accountFailures }, (_, i) =>
        authenticate(t.db, { email: "u22@example.es", password: `x${i}`, ip: `10.3.0.${i}` }),
      ),
    );
    const row = await t.db.loginThrottle.findUnique({ where: { key: "account:u22@example.es" } });
    expect(row?.failures).toBe(THROTTLE_POLICY.accountFailures);
    expect(row?.blockedUntil).not.toBeNull();
  });
});
