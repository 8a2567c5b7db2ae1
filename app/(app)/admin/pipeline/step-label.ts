import { translator, type Locale, type MessageKey } from "@/lib/i18n/messages";

const STEPS = new Set(["training-set", "train", "onnx", "score", "store", "alerts", "done"]);

/** The pipeline's step name in words (unknown steps are shown as they are). */
export function stepLabel(step: string | null, locale: Locale): string {
  if (!step) return "—";
  return STEPS.has(step) ? translator(locale)(`pipeline.step.${step}` as MessageKey) : step;
}
