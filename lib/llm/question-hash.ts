import "server-only";
import { createHash } from "node:crypto";
import type { AlertFacts } from "./alert-facts";

/** Questions that differ only in case and spacing are the same question. */
export function normalizeQuestion(question: string): string {
  return question.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * The cache key's question part: sha256 of the normalised question and of the facts it was asked
 * about, so an alert the engine re-scored (new reasons, new numbers) never gets a stale answer.
 */
export function questionHash(question: string, facts: AlertFacts): string {
  const factsDigest = createHash("sha256").update(JSON.stringify(facts)).digest("hex");
  return createHash("sha256").update(`${normalizeQuestion(question).toLowerCase()}\n${factsDigest}`).digest("hex");
}
