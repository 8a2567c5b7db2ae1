// The control group: a share of new eligible alerts is stored but never shown, so that "what happens
// without the alert" is measured, not guessed (the lift in conversionStats).
// The draw is a hash of the alert key (client × family × motive) and a salt, not a random number:
//   - deterministic and reproducible (the same key is always in or out, on every run and machine);
//   - a client × family × motive stays in the same arm when its alert expires and comes back, so the
//     control group is not contaminated by the same client being treated on the next alert;
//   - changing the salt (setting controlSalt) draws a new control group.
import { createHash } from "node:crypto";

/** A uniform number in [0, 1) from the key and salt: the first 52 bits of SHA-256. */
export function controlDraw(key: string, salt: string): number {
  const digest = createHash("sha256").update(`${salt}\u0000${key}`).digest();
  const high = digest.readUInt32BE(0) >>> 12; // 20 bits
  const low = digest.readUInt32BE(4); // 32 bits
  return (high * 2 ** 32 + low) / 2 ** 52;
}

export function isHeldOut(key: string, share: number, salt: string): boolean {
  return share > 0 && controlDraw(key, salt) < share;
}
