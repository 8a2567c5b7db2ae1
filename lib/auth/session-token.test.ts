import { describe, expect, it } from "vitest";
import { encode, decode } from "next-auth/jwt";
import { decodeSessionToken, readSessionToken } from "./session-token";

const SECRET = "a-test-secret-of-reasonable-length-0123456789";
const PAYLOAD = { userId: 42, role: "DELEGATE" as const, email: "d@demo.sds", name: "D" };

describe("session token", () => {
  it("reads what next-auth wrote, exactly as next-auth's own decode does", async () => {
    const token = await encode({ token: PAYLOAD, secret: SECRET, maxAge: 3600 });
    const ours = await decodeSessionToken({ token, secret: SECRET });
    expect(ours).toEqual(await decode({ token, secret: SECRET }));
    expect(ours).toMatchObject(PAYLOAD);
    // A second read uses the memoised key and gives the same answer.
    expect(await decodeSessionToken({ token, secret: SECRET })).toEqual(ours);
  });

  it("honours a salt as next-auth does", async () => {
    const token = await encode({ token: PAYLOAD, secret: SECRET, salt: "s1", maxAge: 3600 });
    expect(await decodeSessionToken({ token, secret: SECRET, salt: "s1" })).toMatchObject(PAYLOAD);
    await expect(decodeSessionToken({ token, secret: SECRET })).rejects.toThrow();
  });

  it("refuses a token sealed with another secret, tampered with, or expired", async () => {
    const token = await encode({ token: PAYLOAD, secret: SECRET, maxAge: 3600 });
    await expect(decodeSessionToken({ token, secret: `${SECRET}-other` })).rejects.toThrow();
    const parts = token.split(".");
    const flipped = parts[3]!.startsWith("A") ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    await expect(decodeSessionToken({ token: [parts[0], parts[1], parts[2], flipped, parts[4]].join("."), secret: SECRET })).rejects.toThrow();
    // next-auth's tolerance is 15 s: a token expired 60 s ago is refused.
    const expired = await encode({ token: PAYLOAD, secret: SECRET, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret: SECRET })).rejects.toThrow();
    expect(await decodeSessionToken({ token: "", secret: SECRET })).toBeNull();
  });

  it("finds the cookie by next-auth's name (secure prefix behind https, chunks) and never throws", async () => {
    const token = await encode({ token: PAYLOAD, secret: SECRET, maxAge: 3600 });
    expect(await readSessionToken({ "next-auth.session-token": token }, SECRET, "http://127.0.0.1:3000")).toMatchObject(PAYLOAD);
    expect(await readSessionToken({ "next-auth.session-token": token }, SECRET, "https://sds.example")).toBeNull();
    expect(await readSessionToken({ "__Secure-next-auth.session-token": token }, SECRET, "https://sds.example")).toMatchObject(PAYLOAD);
    const half = Math.ceil(token.length / 2);
    const chunks = { "next-auth.session-token.0": token.slice(0, half), "next-auth.session-token.1": token.slice(half) };
    expect(await readSessionToken(chunks, SECRET, undefined)).toMatchObject(PAYLOAD);
    expect(await readSessionToken({ "next-auth.session-token": "garbage" }, SECRET, undefined)).toBeNull();
    expect(await readSessionToken({}, SECRET, undefined)).toBeNull();
  });
});
