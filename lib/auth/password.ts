import bcrypt from "bcryptjs";

// Cost 11 ≈ 0.15 s per hash on this hardware: slow for guessing, fine for a login.
const COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
