// Tables the evaluation commands print: rolling origins per head (per origin, then mean ± sd) and
// judgements against a generated world's ground truth.
import type { RollingOriginEvaluation } from "../../lib/pipeline/evaluate-rolling-origins";
import { isEvaluated, METHODS, type Method } from "../../lib/pipeline/evaluate-rolling-origins";
import type { TruthJudgement, TruthScore } from "../../lib/pipeline/evaluate-against-truth";
import type { Spread } from "../../lib/pipeline/summarize-origins";

const METHOD_LABEL: Record<Method, string> = { model: "model", logisticRegression: "logistic regr.", recencyCadence: "recency/cadence" };
const TRUTH_LABEL: Record<TruthScore, string> = { ...METHOD_LABEL, overdueRatio: "overdue ratio" };
const f3 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "  —  " : v.toFixed(3));
const spread = (s: Spread) => (s.n ? `${f3(s.mean)} ± ${f3(s.sd)}` : "—");

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function printRollingOrigins(result: RollingOriginEvaluation): void {
  console.log(`\nRolling origins as of ${result.asOf} (last sales ${result.lastSalesDate}), ${result.originsPerHead} per head, ${result.spacingDays} days apart:`);
  for (const head of result.heads) {
    console.log(`\n${head.head} (horizon ${head.horizonDays} days)`);
    const rows: string[][] = [];
    for (const o of head.origins) {
      if (!isEvaluated(o)) {
        rows.push([o.origin, "skipped", o.skipped, "", "", "", "", "", "", ""]);
        continue;
      }
      for (const m of METHODS) {
        const x = o.metrics[m];
        rows.push([m === "model" ? o.origin : "", METHOD_LABEL[m], m === "model" ? `${o.rows}` : "", m === "model" ? `${(x.positives / x.rows).toFixed(3)}` : "", f3(x.auc), f3(x.averagePrecision), f3(x.precisionAt5), f3(x.precisionAt10), f3(x.brier), m === "model" ? `${o.bestRound + 1}` : ""]);
      }
    }
    console.log(table(["origin", "method", "rows", "pos.rate", "AUC", "AP", "P@5%", "P@10%", "Brier", "trees"], rows));
    console.log(
      table(
        ["mean ± sd", "AUC", "AP", "P@5%", "P@10%", "Brier"],
        METHODS.map((m) => {
          const s = head.summary[m];
          return [METHOD_LABEL[m], spread(s.auc), spread(s.averagePrecision), spread(s.precisionAt5), spread(s.precisionAt10), spread(s.brier)];
        }),
      ),
    );
  }
}

export function printTruthJudgements(judgements: TruthJudgement[]): void {
  const methods = ([...METHODS, "overdueRatio"] as TruthScore[]).filter((m) => judgements.some((j) => j.scores[m]));
  const withLabel = judgements.some((j) => j.label);
  const header = ["head", "as of", "pairs", "lost", "gone≤D", ...methods.flatMap((m) => [`${TRUTH_LABEL[m]} AUC`, "AP"])];
  if (withLabel) header.push("label prec.", "label recall", "label AUC");
  const rows = judgements.map((j) => [
    j.head,
    j.asOf,
    String(j.pairs),
    String(j.lost),
    String(j.alreadyGone),
    ...methods.flatMap((m) => [f3(j.scores[m]?.auc), f3(j.scores[m]?.averagePrecision)]),
    ...(withLabel ? [f3(j.label?.precision), f3(j.label?.recall), f3(j.label?.auc)] : []),
  ]);
  console.log(table(header, rows));
}
