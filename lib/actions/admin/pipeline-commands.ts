import "server-only";
// What the pipeline admin actions do once defineAction has checked the session and the permission.
import { z } from "zod";
import { ActionError } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/prisma";
import { getPipelineSchedule, type PipelineScheduleView } from "@/lib/data/admin/get-pipeline-schedule";
import { pipelineScheduleSchema, savePipelineSchedule, scheduleClock } from "@/lib/pipeline/scheduler";
import { BUSY_MESSAGE, SCHEDULE_CLAIM_KEY, startPipelineRun, type LaunchPipelineProcess } from "@/lib/pipeline/start-pipeline-run";

export const runPipelineNowInput = z.object({
  /** Replays a past day (the CLI's --as-of); empty: the last sale imported. */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Fecha no válida.")
    .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "Fecha no válida.")
    .optional(),
});

export async function runPipelineNowCommand(
  db: Db,
  actor: Actor,
  options: { databaseUrl: string | undefined; asOf?: string; launch?: LaunchPipelineProcess; now?: Date },
): Promise<{ runId: number }> {
  if (!options.databaseUrl) throw new ActionError("El servidor no tiene base de datos configurada (DATABASE_URL).");
  const today = scheduleClock(options.now ?? new Date()).day;
  if (options.asOf && options.asOf > today) throw new ActionError("La fecha de los datos no puede ser futura.");
  const result = await startPipelineRun(db, {
    trigger: "MANUAL",
    userId: actor.userId,
    databaseUrl: options.databaseUrl,
    today,
    asOf: options.asOf,
    launch: options.launch,
  });
  if (!result.ok) throw new ActionError(result.reason === "busy" && result.activeRunId ? `${BUSY_MESSAGE} (ejecución n.º ${result.activeRunId})` : BUSY_MESSAGE);
  return { runId: result.run.id };
}

export const pipelineScheduleInput = pipelineScheduleSchema;

/**
 * Saves the schedule. Switching it on (or moving it) to a time that has already passed today starts
 * the first run tomorrow, not right away: today counts as done. (A server that was down at the time
 * still catches up the same day, because then today has not been claimed.)
 */
export async function savePipelineScheduleCommand(db: Db, actor: Actor, input: z.infer<typeof pipelineScheduleInput>, now: Date = new Date()): Promise<PipelineScheduleView> {
  const clock = scheduleClock(now);
  await db.$transaction(async (tx) => {
    await savePipelineSchedule(tx, input);
    if (input.enabled && clock.time >= input.time) {
      await tx.setting.upsert({
        where: { key: SCHEDULE_CLAIM_KEY },
        create: { key: SCHEDULE_CLAIM_KEY, value: { day: clock.day } },
        update: { value: { day: clock.day } },
      });
    }
  });
  return getPipelineSchedule(db, actor, now);
}
