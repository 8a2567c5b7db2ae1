"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { env } from "@/lib/env";
import { runPipelineNowCommand, runPipelineNowInput } from "./pipeline-commands";

/** "Ejecutar ahora" (optionally as of a past day): queues a run and starts it in its own process; refused while one is queued or running. */
export const runPipelineNow = defineAction({ input: runPipelineNowInput, permission: "pipeline.run" }, (input, { actor, db }) =>
  runPipelineNowCommand(db, actor, { databaseUrl: env().DATABASE_URL, asOf: input.asOf }),
);
