// The feature dictionary, read from the definitions the SQL is generated from: what the product
// shows next to a score, and what the model card lists.
import { FEATURE_DEFINITIONS, type FeatureRole, type FeatureUnit } from "./feature-definitions";
import { LABEL_DEFINITIONS } from "./label-definitions";
import type { LabelName } from "./types";

export interface FeatureDictionaryEntry {
  name: string;
  role: FeatureRole;
  unit: FeatureUnit;
  /** Plain-Spanish meaning (what the UI shows). */
  es: string;
  en: string;
  formula: string;
}

export function featureDictionary(): FeatureDictionaryEntry[] {
  return FEATURE_DEFINITIONS.map(({ name, role, unit, es, en, formula }) => ({ name, role, unit, es, en, formula }));
}

export function labelDictionary(): { name: LabelName; es: string; en: string }[] {
  return LABEL_DEFINITIONS.map(({ name, es, en }) => ({ name, es, en }));
}

/** Every column of a feature matrix, in order. */
export const FEATURE_NAMES: readonly string[] = FEATURE_DEFINITIONS.map((f) => f.name);
/** The columns models are trained on and scored with, in matrix order. */
export const MODEL_FEATURES: readonly string[] = FEATURE_DEFINITIONS.filter((f) => f.role === "model").map((f) => f.name);
/** Columns kept for alerts and explanations only. */
export const CONTEXT_FEATURES: readonly string[] = FEATURE_DEFINITIONS.filter((f) => f.role === "context").map((f) => f.name);
