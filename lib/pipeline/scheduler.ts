// The daily pipeline schedule: a time of day (Spain's clock) and an on/off switch, stored in the
// `setting` table. Every web server process starts one scheduler (instrumentation.ts) that ticks once
// a minute; a tick starts the day's run once the time has come, if none was started for that day.
// Idempotent across processes and restarts: the day is claimed by a compare-and-set on a `setting`
// row in the same transaction that queues the run (start-pipeline-run.ts). While another run is
// queued or running the tick waits (the claim is not taken), so the day's run starts when it ends.
// A server started after the time still runs that day's pipeline (catch-up), never past days'.
// No "server-only" here: instrumentation runs outside React's server environment.
import { z } from "zod";
import type { Db, DbTx } from "@/lib/db/prisma";
import { failInterruptedRuns, startPipelineRun, type LaunchPipelineProcess } from "./start-pipeline-run";

export const PIPELINE_SCHEDULE_KEY = "pipeline.schedule";
export const SCHEDULE_TIME_ZONE = "Europe/Madrid";

export const pipelineScheduleSchema = z.object({
  enabled: z.boolean(),
  /** HH:MM, Spain's local time. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Hora no válida: use HH:MM (00:00–23:59)."),
});

export type PipelineSchedule = z.infer<typeof pipelineScheduleSchema>;

export const DEFAULT_PIPELINE_SCHEDULE: PipelineSchedule = { enabled: false, time: "06:00" };

export async function loadPipelineSchedule(db: DbTx): Promise<PipelineSchedule> {
  const row = await db.setting.findUnique({ where: { key: PIPELINE_SCHEDULE_KEY }, select: { value: true } });
  const parsed = pipelineScheduleSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_PIPELINE_SCHEDULE;
}

export async function savePipelineSchedule(db: DbTx, schedule: PipelineSchedule): Promise<PipelineSchedule> {
  const value = pipelineScheduleSchema.parse(schedule);
  await db.setting.upsert({ where: { key: PIPELINE_SCHEDULE_KEY }, create: { key: PIPELINE_SCHEDULE_KEY, value }, update: { value } });
  return value;
}

/** The day (yyyy-mm-dd) and time (HH:MM) on Spain's clock at `now`. */
export function scheduleClock(now: Date): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: SCHEDULE_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export type TickResult =
  | { action: "started"; runId: number; day: string }
  | { action: "skipped"; reason: "disabled" | "not-yet" | "already-ran" | "busy" };

/** One look at the clock: starts the day's scheduled run when it is due. */
export async function schedulerTick(db: Db, options: { now?: Date; databaseUrl: string; launch?: LaunchPipelineProcess }): Promise<TickResult> {
  // Runs whose process died (a server restart during training) would block every later run.
  await failInterruptedRuns(db);
  const schedule = await loadPipelineSchedule(db);
  if (!schedule.enabled) return { action: "skipped", reason: "disabled" };
  const clock = scheduleClock(options.now ?? new Date());
  if (clock.time < schedule.time) return { action: "skipped", reason: "not-yet" };
  const result = await startPipelineRun(db, {
    trigger: "SCHEDULE",
    userId: null,
    databaseUrl: options.databaseUrl,
    today: clock.day,
    scheduleDay: clock.day,
    launch: options.launch,
  });
  if (result.ok) return { action: "started", runId: result.run.id, day: clock.day };
  return { action: "skipped", reason: result.reason === "busy" ? "busy" : "already-ran" };
}

const holder = globalThis as unknown as { signalsPipelineScheduler?: ReturnType<typeof setInterval> };

/** Starts this process's scheduler once (a second call — a dev reload — is a no-op). */
export function startPipelineScheduler(options: { db: Db; databaseUrl: string; intervalMs?: number; log?: (line: string) => void }): void {
  if (holder.signalsPipelineScheduler) return;
  const log = options.log ?? ((line: string) => console.log(`[scheduler] ${line}`));
  let ticking = false;
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      const result = await schedulerTick(options.db, { databaseUrl: options.databaseUrl });
      if (result.action === "started") log(`Ejecución programada del ${result.day} iniciada (ejecución ${result.runId}).`);
    } catch (error) {
      log(`Error al comprobar la programación: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      ticking = false;
    }
  };
  holder.signalsPipelineScheduler = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  holder.signalsPipelineScheduler.unref();
  setTimeout(() => void tick(), 5_000).unref();
}
