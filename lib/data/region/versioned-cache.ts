import "server-only";
// Aggregates over every alert of a region change only when alerts or sales do: a pipeline run, a
// person's action, an attributed purchase — each of which writes an alert_event row (or finishes a
// pipeline_run) — or an import. So the figures are memoised per process under (data version, query
// key): the version is read once per request (index-only max() lookups and the small import table,
// about a millisecond), so a figure is never older than the last change; between changes, 20
// managers refreshing the map cost one aggregation instead of twenty. Concurrent misses of one key
// share one query (single flight).
import { cache } from "react";
import type { Queryable } from "./region-scope";

const MAX_ENTRIES = 500;

interface Holder {
  version: string;
  entries: Map<string, Promise<unknown>>;
}

const holder = globalThis as unknown as { regionKpiCache?: Holder };

function cacheFor(version: string): Map<string, Promise<unknown>> {
  if (!holder.regionKpiCache || holder.regionKpiCache.version !== version) {
    holder.regionKpiCache = { version, entries: new Map() };
  }
  return holder.regionKpiCache.entries;
}

/** A stamp that changes whenever an alert, an alert event, a pipeline run, an import or a province's
 *  delegate does (and per database). */
export async function readAlertDataVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ v: string }>(
    `SELECT concat_ws(':', current_database(), (SELECT max(id) FROM alert), (SELECT max(id) FROM alert_event),
                      (SELECT id || '@' || status || coalesce(finished_at::text, '') FROM pipeline_run ORDER BY id DESC LIMIT 1),
                      (SELECT max(id) || '@' || count(*) FILTER (WHERE status = 'RUNNING') FROM import),
                      (SELECT sum(hashtext(code || '>' || coalesce(delegate_id::text, '')))::text FROM province)) AS v`,
  );
  return rows[0]?.v ?? "";
}

/** A page's widgets share one version read per request (React's cache is per request on the server;
 *  outside a server render — tests, scripts — it simply calls through). */
const versionOfThisRequest = cache((db: Queryable) => readAlertDataVersion(db));

/**
 * `load()` once per (version, key). The key must hold everything the result depends on besides the
 * data — the actor's scope, the filter, today's date — and never less.
 */
export async function cachedByAlertData<T>(db: Queryable, key: string, load: () => Promise<T>): Promise<T> {
  const entries = cacheFor(await versionOfThisRequest(db));
  const hit = entries.get(key) as Promise<T> | undefined;
  if (hit) {
    // Most recently used last, so the oldest entry is the first one evicted.
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  const pending = load();
  entries.set(key, pending);
  // A failed load must not stay cached.
  pending.catch(() => entries.get(key) === pending && entries.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return pending;
}
