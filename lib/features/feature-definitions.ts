// Every feature, defined once: its name (a matrix column), its meaning in Spanish and English, the
// formula in words, its unit, whether models use it, and the SQL that computes it. The matrix's
// SELECT list and the feature dictionary are both generated from this list, so they cannot drift.
//
// SQL aliases available to `sql` (see feature-query.ts): AS_OF = D; s = the client ×
// family aggregates over days ≤ D (pd_* purchase days, pc_* purchase cents, windows are (D−n, D]);
// other_* = the client's other families; pt = potential; c = client; pr = province; camp = the
// campaign calendar as of D. NULL becomes NaN in the matrix.
import type { FeatureDefinition } from "./feature-definition";
import { CLIENT_CONTEXT_FEATURES } from "./client-context-features";
import { PURCHASE_HISTORY_FEATURES } from "./purchase-history-features";

export type { FeatureDefinition, FeatureRole, FeatureUnit } from "./feature-definition";

/** Every feature, in matrix column order. */
export const FEATURE_DEFINITIONS: readonly FeatureDefinition[] = [...PURCHASE_HISTORY_FEATURES, ...CLIENT_CONTEXT_FEATURES];
