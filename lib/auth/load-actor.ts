// Who is acting, re-read from the database on every request: a role change or a deactivation
// takes effect at once, whatever the session cookie still says. One statement (user, delegate id,
// managed regions), on the web server's pg pool or, in scripts and tests, on a Prisma client.
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

/** A node-postgres pool or client (what `pg` calls a Queryable). */
interface PgQueryable {
  query<R>(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: R[] }>;
}

interface ActorRow {
  id: number;
  email: string;
  name: string;
  role: RoleName;
  locale: string;
  delegate_id: number | null;
  region_codes: string[];
}

const ACTOR_SQL = `
  SELECT u.id, u.email, u.name, u.role::text AS role, u.locale,
         (SELECT d.id FROM delegate d WHERE d.user_id = u.id) AS delegate_id,
         array(SELECT m.region_code FROM manager_region m WHERE m.user_id = u.id ORDER BY m.region_code) AS region_codes
    FROM app_user u
   WHERE u.id = $1::int AND u.active`;

export async function loadActor(db: DbTx | PgQueryable, userId: number): Promise<Actor | null> {
  if (!Number.isSafeInteger(userId) || userId <= 0 || userId > 2_147_483_647) return null;
  const rows =
    "$queryRawUnsafe" in db
      ? await db.$queryRawUnsafe<ActorRow[]>(ACTOR_SQL, userId)
      : (await (db as PgQueryable).query<ActorRow>({ name: "sds_load_actor", text: ACTOR_SQL, values: [userId] })).rows;
  const user = rows[0];
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    delegateId: user.role === "DELEGATE" ? user.delegate_id : null,
    regionCodes: user.role === "MANAGER" ? [...user.region_codes].sort() : [],
  };
}
