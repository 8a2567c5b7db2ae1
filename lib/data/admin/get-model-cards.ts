import "server-only";
// Model cards: per head, its versions (the active one first) and, for the one being looked at, the
// holdout metrics beside both baselines, the calibration bins, the global importance (mean |SHAP|)
// with each feature's Spanish meaning, and the training window. Never reads the ONNX bytes or trees.
import type { Actor } from "@/lib/auth/load-actor";
import type { DbTx } from "@/lib/db/prisma";
import { featureDictionary, type FeatureDictionaryEntry } from "@/lib/features/feature-dictionary";
import type { BinaryMetrics } from "@/lib/pipeline/evaluate-binary";
import type { HeadMetrics } from "@/lib/pipeline/train-head";
import { assertPermission } from "./assert-permission";

export const MODEL_HEADS = ["BUY_90D", "CHURN_90D", "CHURN_180D", "DAYS_TO_NEXT"] as const;
export type ModelHeadName = (typeof MODEL_HEADS)[number];

export interface ModelVersionSummary {
  id: number;
  head: ModelHeadName;
  version: string;
  active: boolean;
  trainedAsOf: string;
  pipelineRunId: number | null;
  createdAt: string;
  /** Holdout AUC (binary heads) for the list. */
  auc: number | null;
}

export interface ModelCard extends ModelVersionSummary {
  trainFrom: string;
  trainUntil: string;
  params: Record<string, unknown>;
  featureNames: string[];
  metrics: Partial<HeadMetrics> | null;
  comparison: { label: "model" | "logisticRegression" | "recencyCadence"; metrics: BinaryMetrics }[];
  importance: { feature: string; meaning: string; meanAbsShap: number }[];
}

export interface ModelHeadView {
  head: ModelHeadName;
  versions: ModelVersionSummary[];
  /** The card shown: the selected version, else the active one, else the newest. */
  card: ModelCard | null;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function readMetrics(value: unknown): Partial<HeadMetrics> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Partial<HeadMetrics>) : null;
}

function isBinaryMetrics(value: unknown): value is BinaryMetrics {
  return !!value && typeof value === "object" && typeof (value as BinaryMetrics).auc === "number";
}

export async function getModelHeads(db: DbTx, actor: Actor, selected: { head?: string; versionId?: number } = {}): Promise<ModelHeadView[]> {
  assertPermission(actor, "admin.view");
  const rows = await db.modelVersion.findMany({
    select: { id: true, head: true, version: true, active: true, trainedAsOf: true, pipelineRunId: true, createdAt: true, metrics: true },
    orderBy: [{ head: "asc" }, { id: "desc" }],
  });
  const summaries = rows.map((row): ModelVersionSummary => {
    const model = readMetrics(row.metrics)?.model;
    return {
      id: row.id,
      head: row.head,
      version: row.version,
      active: row.active,
      trainedAsOf: day(row.trainedAsOf),
      pipelineRunId: row.pipelineRunId,
      createdAt: row.createdAt.toISOString(),
      auc: isBinaryMetrics(model) ? model.auc : null,
    };
  });
  const meaning = new Map(featureDictionary().map((entry) => [entry.name, entry.es]));
  return Promise.all(
    MODEL_HEADS.map(async (head): Promise<ModelHeadView> => {
      const versions = summaries.filter((v) => v.head === head).sort((a, b) => Number(b.active) - Number(a.active) || b.id - a.id);
      const wanted = (selected.head === head && versions.find((v) => v.id === selected.versionId)) || versions[0];
      return { head, versions, card: wanted ? await readCard(db, wanted, meaning) : null };
    }),
  );
}

async function readCard(db: DbTx, summary: ModelVersionSummary, meaning: Map<string, string>): Promise<ModelCard> {
  const row = await db.modelVersion.findUniqueOrThrow({
    where: { id: summary.id },
    select: { trainFrom: true, trainUntil: true, params: true, featureNames: true, metrics: true },
  });
  const metrics = readMetrics(row.metrics);
  const comparison: ModelCard["comparison"] = [];
  for (const label of ["model", "logisticRegression", "recencyCadence"] as const) {
    const value = metrics?.[label];
    if (isBinaryMetrics(value)) comparison.push({ label, metrics: value });
  }
  return {
    ...summary,
    trainFrom: day(row.trainFrom),
    trainUntil: day(row.trainUntil),
    params: (row.params ?? {}) as Record<string, unknown>,
    featureNames: row.featureNames,
    metrics,
    comparison,
    importance: (metrics?.importance ?? []).map((item) => ({ ...item, meaning: meaning.get(item.feature) ?? item.feature })),
  };
}

export function getFeatureDictionary(actor: Actor): FeatureDictionaryEntry[] {
  assertPermission(actor, "admin.view");
  return featureDictionary();
}
