import "server-only";
// Alerts created, attended and converted per week, as cohorts: the alerts created in a week (Monday
// to Sunday, Spain's calendar; control group excluded), how many of them have been attended by now,
// and how many were followed by an attributed purchase. The last `weeks` weeks up to today's, empty
// weeks included.
import type { Actor } from "@/lib/auth/load-actor";
import { scopedAlertsSql, type AlertFilter } from "./alert-kpi-query";
import type { Queryable } from "./region-scope";
import type { WeekPoint } from "./region-types";
import { scopeKey } from "./scope-key";
import { SqlParams } from "./sql-params";
import { cachedByAlertData } from "./versioned-cache";

/** Monday of the week containing `iso` (yyyy-mm-dd). */
export function mondayOf(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Cohorts of the scoped alerts created since `firstWeek` (a Monday), one row per week with alerts. */
export function weeklyTrendQuery(actor: Actor, filter: AlertFilter, firstWeek: string): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const scoped = scopedAlertsSql(params, actor, filter);
  const from = params.add(firstWeek);
  const text = `
    WITH scoped AS MATERIALIZED (
      SELECT s.id, s.status, (s.created_at AT TIME ZONE 'Europe/Madrid')::date AS created_on
        FROM (${scoped}) s
       WHERE NOT s.held_out AND s.created_at >= (${from}::date - 1)::timestamp AT TIME ZONE 'Europe/Madrid'
    )
    SELECT to_char(date_trunc('week', s.created_on), 'YYYY-MM-DD') AS week,
           count(*)::int AS created,
           count(*) FILTER (WHERE s.status = 'ATTENDED')::int AS attended,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM alert_attribution x WHERE x.alert_id = s.id))::int AS converted
      FROM scoped s
     WHERE s.created_on >= ${from}::date
     GROUP BY 1`;
  return { text, values: params.values };
}

export async function getWeeklyTrend(
  db: Queryable,
  actor: Actor,
  filter: AlertFilter,
  options: { today: string; weeks?: number },
): Promise<WeekPoint[]> {
  const weeks = options.weeks ?? 12;
  const lastWeek = mondayOf(options.today);
  const firstWeek = addDays(lastWeek, -7 * (weeks - 1));
  const key = `trend|${scopeKey(actor)}|${filter.regionCode ?? ""}|${filter.delegateId ?? ""}|${firstWeek}|${weeks}`;
  const rows = await cachedByAlertData(db, key, async () => {
    const query = weeklyTrendQuery(actor, filter, firstWeek);
    return (await db.query<WeekPoint>(query.text, query.values)).rows;
  });
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return Array.from({ length: weeks }, (_, i) => {
    const week = addDays(firstWeek, 7 * i);
    const row = byWeek.get(week);
    return { week, created: row?.created ?? 0, attended: row?.attended ?? 0, converted: row?.converted ?? 0 };
  });
}
