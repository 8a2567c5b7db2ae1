// What a person provides when acting on an alert, validated here (the server actions parse with the
// same schemas, so the form and the domain agree on what is valid). Messages are the user's: Spanish.
import { z } from "zod";
import { isIsoDate } from "./alert-dates";
import { DISMISS_REASONS } from "./alert-settings";

export const CHANNELS = ["FIELD_VISIT", "DELEGATE_CALL", "TELESALES", "MARKETING_AUTOMATION"] as const;
export const ATTEND_RESULTS = ["WON", "LOST", "FOLLOW_UP"] as const;

// Optional fields accept null as well as absence: forms and JSON send null for "empty".
const notes = z.string().trim().max(2000, "Máximo 2000 caracteres").nullish();
const isoDate = z.string().refine(isIsoDate, "Fecha no válida (AAAA-MM-DD)");

export const attendOutcomeSchema = z.object({
  channelUsed: z.enum(CHANNELS, { message: "Canal no válido" }),
  /** Whether the client was actually reached. */
  reached: z.boolean(),
  result: z.enum(ATTEND_RESULTS, { message: "Resultado no válido" }),
  /** Amount of the order obtained, when there was one. */
  amount: z.number().min(0, "El importe no puede ser negativo").max(10_000_000).nullish(),
  notes,
});

export const dismissInputSchema = z
  .object({ reasonCode: z.enum(DISMISS_REASONS, { message: "Motivo no válido" }), notes })
  .refine((d) => d.reasonCode !== "OTHER" || (d.notes?.length ?? 0) >= 3, {
    message: "Explica el motivo en las notas",
    path: ["notes"],
  });

export const snoozeInputSchema = z.object({ until: isoDate, notes });
export const reopenInputSchema = z.object({ notes });

export type AttendOutcome = z.infer<typeof attendOutcomeSchema>;
export type DismissInput = z.infer<typeof dismissInputSchema>;
export type SnoozeInput = z.infer<typeof snoozeInputSchema>;
export type ReopenInput = z.infer<typeof reopenInputSchema>;
