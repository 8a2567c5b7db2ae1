// Reading next-auth's session cookie on every request, for the proxy and for pages. The cookie is
// next-auth's own JWE (dir + A256GCM, key = HKDF-SHA256 of the secret, exactly as next-auth/jwt's
// `decode`), verified the same way — authenticated decryption, then `exp` with next-auth's 15 s
// tolerance — but with the key derived once per secret instead of on every call, and without
// getServerSession's re-encryption of a refreshed cookie that a server component cannot set anyway.
// No "server-only" here: the proxy imports it too.
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";

const keys = new Map<string, Uint8Array>();

/** next-auth/jwt's getDerivedEncryptionKey, memoised per (secret, salt). */
function encryptionKey(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${salt}\u0000${String(secret)}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

/** Drop-in for next-auth/jwt's `decode` (same parameters, same checks); throws on a bad token. */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}

/**
 * The session's JWT payload from the request's cookies, or null (absent, tampered with, expired, or
 * sealed with another secret). next-auth's own getToken finds the cookie (its name, the secure
 * prefix behind https, the chunks of a large cookie); no headers are passed, so that — as with
 * getServerSession — only the cookie counts, never an Authorization header.
 */
export async function readSessionToken(cookies: Record<string, string>, secret: string, nextAuthUrl: string | undefined): Promise<JWT | null> {
  return getToken({
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret,
    secureCookie: nextAuthUrl?.startsWith("https://") ?? false,
    decode: decodeSessionToken,
  });
}
