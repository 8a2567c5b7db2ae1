// The channel rule table in the database: seeded once with the defaults, then edited by admins.
import type { Db, DbTx } from "@/lib/db/prisma";
import { DEFAULT_CHANNEL_RULES, type ChannelRule } from "./channel-rules";

/** Writes the default rules when the table is empty; an edited table is left alone. */
export async function seedChannelRules(db: Db): Promise<{ created: number }> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('channel_rule:seed'))`;
    if ((await tx.channelRule.count()) > 0) return { created: 0 };
    const { count } = await tx.channelRule.createMany({
      data: DEFAULT_CHANNEL_RULES.map(({ id: _id, ...rule }) => rule),
    });
    return { created: count };
  });
}

/** The rules by position; the built-in defaults while the table has never been seeded. */
export async function loadChannelRules(db: DbTx): Promise<ChannelRule[]> {
  const rows = await db.channelRule.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
  if (rows.length === 0) return [...DEFAULT_CHANNEL_RULES];
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    motive: r.motive,
    priorityBand: r.priorityBand,
    minImpact: r.minImpact,
    channel: r.channel,
    responseDays: r.responseDays,
    description: r.description,
  }));
}
