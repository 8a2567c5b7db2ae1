// Who is acting, re-read from the database on every request: a role change or a deactivation
// takes effect at once, whatever the session cookie still says.
import type { DbTx } from "@/lib/db/prisma";
import type { RoleName } from "@/lib/auth/roles";

export interface Actor {
  userId: number;
  email: string;
  name: string;
  role: RoleName;
  locale: string;
  /** Set for delegates: their delegate id (client scope = their provinces' clients). */
  delegateId: number | null;
  /** Set for managers: the autonomous communities they manage. */
  regionCodes: string[];
}

export async function loadActor(db: DbTx, userId: number): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      locale: true,
      active: true,
      delegate: { select: { id: true } },
      regions: { select: { regionCode: true } },
    },
  });
  if (!user || !user.active) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    delegateId: user.role === "DELEGATE" ? (user.delegate?.id ?? null) : null,
    regionCodes: user.role === "MANAGER" ? user.regions.map((r) => r.regionCode).sort() : [],
  };
}
