// Persists one run's drafts as of a date, in one transaction, serialised against other runs:
//   1. snoozes whose date has come end (SNOOZED → OPEN);
//   2. OPEN alerts whose contact window has passed expire;
//   3. each draft creates, refreshes or is held back (cooling-off) — see plan-alert-changes.ts;
//      with expireCleared, live alerts whose signal stopped firing expire;
//   4. the day's capacity is stamped (see shown-alerts.ts).
// Every status change writes its alert_event row in the same transaction. Applying the same drafts twice
// changes nothing the second time (no new alert, no new event).
import type { Db } from "@/lib/db/prisma";
import { isIsoDate } from "./alert-dates";
import type { AlertSettings } from "./alert-settings";
import { endSnoozes, expirePassedWindows } from "./expire-alerts";
import { loadAlertSettings } from "./load-alert-settings";
import { planAlertChanges } from "./plan-alert-changes";
import { readClientDelegates, readLatestClosures, readLiveAlerts } from "./read-alert-state";
import { markShownAlerts } from "./shown-alerts";
import type { AlertDraft, IsoDate } from "./types";
import { expireClearedAlerts, insertAlerts, refreshAlerts } from "./write-alert-plan";

export interface ApplyAlertDraftsOptions {
  /** The pipeline run, recorded in the trace and event payloads. */
  runId?: number | null;
  /** Settings to use; read from the `setting` table when omitted. */
  settings?: AlertSettings;
  /** The drafts cover every scored pair: live alerts without a draft expire (CONDITION_CLEARED). */
  expireCleared?: boolean;
}

export interface ApplyAlertDraftsResult {
  created: number;
  heldOut: number;
  refreshed: number;
  updatedEvents: number;
  reassigned: number;
  suppressedByCoolingOff: number;
  /** Refreshes skipped because a person changed the alert while the run was planning. */
  skippedConcurrent: number;
  skippedUnknownClient: number;
  snoozesEnded: number;
  expiredWindow: number;
  expiredCleared: number;
  /** Alerts newly put on a delegate's list for asOf by this run (capacity). */
  shown: number;
}

export async function applyAlertDrafts(
  db: Db,
  asOf: IsoDate,
  drafts: readonly AlertDraft[],
  options: ApplyAlertDraftsOptions = {},
): Promise<ApplyAlertDraftsResult> {
  if (!isIsoDate(asOf)) throw new Error(`applyAlertDrafts: asOf must be YYYY-MM-DD, got "${asOf}"`);
  const runId = options.runId ?? null;
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('alerts:apply'))`;
      const settings = options.settings ?? (await loadAlertSettings(tx));
      const snoozesEnded = await endSnoozes(tx, asOf, runId);
      const expiredWindow = await expirePassedWindows(tx, asOf, runId);

      const expireCleared = options.expireCleared ?? false;
      const [live, closures, delegateOfClient] = [
        await readLiveAlerts(tx, expireCleared ? null : drafts.map((d) => d.key)),
        await readLatestClosures(tx, drafts),
        await readClientDelegates(tx, drafts.map((d) => d.clientId)),
      ];
      const plan = planAlertChanges({ asOf, drafts, live, closures, delegateOfClient, settings, expireCleared });

      const { created, heldOut } = await insertAlerts(tx, asOf, runId, plan.creates);
      const refresh = await refreshAlerts(tx, asOf, runId, plan.updates);
      const expiredCleared = await expireClearedAlerts(tx, asOf, runId, plan.cleared);
      const shown = await markShownAlerts(tx, asOf, settings.dailyCapacity);
      return {
        created,
        heldOut,
        refreshed: refresh.refreshed,
        updatedEvents: refresh.updatedEvents,
        reassigned: refresh.reassigned,
        suppressedByCoolingOff: plan.suppressed.length,
        skippedConcurrent: plan.updates.length - refresh.refreshed,
        skippedUnknownClient: plan.unknownClient.length,
        snoozesEnded,
        expiredWindow,
        expiredCleared,
        shown,
      };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
