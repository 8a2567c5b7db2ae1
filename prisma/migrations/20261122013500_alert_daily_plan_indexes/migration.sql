-- Hand-written: Prisma's schema language cannot express indexes on expressions or partial indexes.
-- The inbox's "Plan de hoy" view: the alerts the engine put within a delegate's daily capacity, stamped
-- trace.display.lastShownOn by the alert step (lib/alerts/shown-alerts.ts). The latest plan's day (the
-- latest stamp among open alerts, as listShownAlerts reads it) comes off the first index in one probe;
-- a delegate's alerts of that day, in any status so that the tabs show how the plan is going, off the
-- second.
CREATE INDEX "alert_shown_on_idx" ON "alert" (("trace" #>> '{display,lastShownOn}'))
  WHERE "status" = 'OPEN' AND NOT "held_out";
CREATE INDEX "alert_delegate_shown_on_idx" ON "alert" ("delegate_id", ("trace" #>> '{display,lastShownOn}'))
  WHERE NOT "held_out";
