// The feature and label engine: what the models learn from and what alerts explain themselves with.
// Runs from the command line and vitest as well as the server, hence no "server-only" import.
export { computeFeatures } from "./compute-features";
export { computeLabels } from "./compute-labels";
export { buildTrainingSet, type BuildTrainingSetOptions } from "./build-training-set";
export { observableHorizons, lastObservableSnapshot } from "./observable-horizons";
export {
  featureDictionary,
  labelDictionary,
  FEATURE_NAMES,
  MODEL_FEATURES,
  CONTEXT_FEATURES,
  type FeatureDictionaryEntry,
} from "./feature-dictionary";
export type { FeatureRole, FeatureUnit } from "./feature-definitions";
export { LABEL_NAMES } from "./label-definitions";
export { alertContextReader, type AlertContext } from "./alert-context";
export { selectColumns } from "./select-columns";
export { splitColumns } from "./split-columns";
export { addDays, daysBetween, fromEpochDay, toEpochDay, toIsoDate } from "./dates";
export type * from "./types";
