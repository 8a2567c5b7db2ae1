"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { pipelineScheduleInput, savePipelineScheduleCommand } from "./pipeline-commands";

/** The daily schedule: on/off and the time of day (Spain). */
export const savePipelineScheduleAction = defineAction({ input: pipelineScheduleInput, permission: "pipeline.run" }, (input, { actor, db }) =>
  savePipelineScheduleCommand(db, actor, input),
);
