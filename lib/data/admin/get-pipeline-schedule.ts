import "server-only";
import type { Actor } from "@/lib/auth/load-actor";
import type { DbTx } from "@/lib/db/prisma";
import { loadPipelineSchedule, scheduleClock, type PipelineSchedule } from "@/lib/pipeline/scheduler";
import { SCHEDULE_CLAIM_KEY } from "@/lib/pipeline/start-pipeline-run";
import { assertPermission } from "./assert-permission";

export interface PipelineScheduleView extends PipelineSchedule {
  /** The last day the schedule started a run (Spain's calendar). */
  lastRunDay: string | null;
  /** When the next scheduled run will start: a day and time, "now" (due, waiting for a tick), or null when off. */
  next: { day: string; time: string } | "now" | null;
}

export async function readScheduleClaim(db: DbTx): Promise<string | null> {
  const row = await db.setting.findUnique({ where: { key: SCHEDULE_CLAIM_KEY }, select: { value: true } });
  const day = (row?.value as { day?: unknown } | null)?.day;
  return typeof day === "string" ? day : null;
}

export function nextScheduledRun(schedule: PipelineSchedule, lastRunDay: string | null, now: Date): PipelineScheduleView["next"] {
  if (!schedule.enabled) return null;
  const clock = scheduleClock(now);
  if (lastRunDay === clock.day || lastRunDay !== null && lastRunDay > clock.day) {
    const tomorrow = new Date(`${clock.day}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    return { day: tomorrow.toISOString().slice(0, 10), time: schedule.time };
  }
  return clock.time < schedule.time ? { day: clock.day, time: schedule.time } : "now";
}

export async function getPipelineSchedule(db: DbTx, actor: Actor, now: Date = new Date()): Promise<PipelineScheduleView> {
  assertPermission(actor, "pipeline.run");
  const [schedule, lastRunDay] = await Promise.all([loadPipelineSchedule(db), readScheduleClaim(db)]);
  return { ...schedule, lastRunDay, next: nextScheduledRun(schedule, lastRunDay, now) };
}
