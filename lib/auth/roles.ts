// Role names shared by server and client code (no Prisma import here: safe in the browser bundle).
export const ROLES = ["ADMIN", "MANAGER", "DELEGATE"] as const;
export type RoleName = (typeof ROLES)[number];

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<RoleName, string> = {
  DELEGATE: "/inbox",
  MANAGER: "/region",
  ADMIN: "/admin",
};
