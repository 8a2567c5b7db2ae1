// The shape of one feature definition, and the SQL vocabulary definitions are written in.
export type FeatureUnit = "days" | "count" | "money" | "ratio" | "flag" | "code" | "epoch_day";
/** model: an input of the models; context: for alerts and explanations, not a model input. */
export type FeatureRole = "model" | "context";

export interface FeatureDefinition {
  name: string;
  role: FeatureRole;
  unit: FeatureUnit;
  es: string;
  en: string;
  formula: string;
  sql: string;
}

/** The as-of date D (parameter $1 of every snapshot query). */
export const AS_OF = "$1::date";

/** Integer cents → money units. */
export const money = (cents: string) => `(${cents}) / 100`;
