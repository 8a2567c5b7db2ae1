// NEXTAUTH_SECRET from the environment, or one generated once and kept under .data/ so that
// sessions survive restarts of the local installation.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function resolveAuthSecret(root: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(root, ".data", "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
