import type { GbmModel, TreeArrays } from "../model/gbm-model";
import { AttributeType, onnxType, TensorDataType } from "./onnx-schema";

/** Output names of the exported graph. */
export const ONNX_INPUT = "X";
export const ONNX_MARGIN = "margin";
export const ONNX_PREDICTION = "prediction";

/** Plain objects in the shape of the protobuf messages (snake_case fields). */
type Attribute = Record<string, unknown>;

function floatTensor(name: string, dims: number[], values: ArrayLike<number>): Record<string, unknown> {
  const data = Float32Array.from(values);
  return { name, dims, data_type: TensorDataType.FLOAT, raw_data: new Uint8Array(data.buffer) };
}

function int64Tensor(name: string, values: readonly number[]): Record<string, unknown> {
  const data = BigInt64Array.from(values, (v) => BigInt(v));
  return { name, dims: [values.length], data_type: TensorDataType.INT64, raw_data: new Uint8Array(data.buffer) };
}

function uint8Tensor(name: string, values: ArrayLike<number>): Record<string, unknown> {
  return { name, dims: [values.length], data_type: TensorDataType.UINT8, raw_data: Uint8Array.from(values) };
}

const ints = (name: string, v: number[]): Attribute => ({ name, type: AttributeType.INTS, ints: v });
const int = (name: string, v: number): Attribute => ({ name, type: AttributeType.INT, i: v });
const tensor = (name: string, t: Record<string, unknown>): Attribute => ({ name, type: AttributeType.TENSOR, t });

/**
 * TreeEnsemble (ai.onnx.ml opset 5) attributes. Interior nodes and leaves
 * live in separate arrays; a child id indexes the leaf arrays when its
 * *leafs flag is 1. Every split is BRANCH_LEQ (mode 0): x <= threshold goes
 * to the "true" (left) child, so NaN goes right by itself.
 *
 * A node whose learned default direction for NaN is left reads, instead of
 * its feature's column, that feature's "missing goes left" column (see
 * missingLeftColumns): the same values with NaN replaced by −∞, which every
 * finite threshold sends left. onnxruntime could follow
 * nodes_missing_value_tracks_true instead, but that adds a NaN test to every
 * comparison of every row (≈ 13 % of its scoring time on the product's
 * model); the extra columns cost one pass over the batch.
 *
 * A tree that is a single leaf cannot be expressed (roots index interior
 * nodes), so it gets a dummy split whose two branches reach the same leaf.
 */
export function treeEnsembleAttributes(trees: readonly TreeArrays[], nFeatures: number): Attribute[] {
  const leftColumn = new Map(missingLeftColumns(trees).map((feature, i) => [feature, nFeatures + i]));
  const roots: number[] = [], featureIds: number[] = [], splits: number[] = [], modes: number[] = [];
  const trueIds: number[] = [], trueLeafs: number[] = [], falseIds: number[] = [], falseLeafs: number[] = [];
  const leafWeights: number[] = [];
  for (const t of trees) {
    const index = new Int32Array(t.feature.length);
    let nInterior = featureIds.length;
    for (let n = 0; n < t.feature.length; n++) {
      if (t.feature[n] >= 0) index[n] = nInterior++;
      else { index[n] = leafWeights.length; leafWeights.push(t.value[n]); }
    }
    if (t.feature[0] < 0) {
      roots.push(featureIds.length);
      featureIds.push(0); splits.push(0); modes.push(0);
      trueIds.push(index[0]); trueLeafs.push(1); falseIds.push(index[0]); falseLeafs.push(1);
      continue;
    }
    roots.push(index[0]);
    for (let n = 0; n < t.feature.length; n++) {
      if (t.feature[n] < 0) continue;
      featureIds.push(t.defaultLeft[n] ? leftColumn.get(t.feature[n])! : t.feature[n]);
      splits.push(t.threshold[n]);
      modes.push(0);
      const l = t.left[n], r = t.right[n];
      trueIds.push(index[l]); trueLeafs.push(t.feature[l] < 0 ? 1 : 0);
      falseIds.push(index[r]); falseLeafs.push(t.feature[r] < 0 ? 1 : 0);
    }
  }
  return [
    int("aggregate_function", 1), // SUM
    int("n_targets", 1),
    int("post_transform", 0), // NONE: base score and link are separate graph nodes
    ints("tree_roots", roots),
    ints("nodes_featureids", featureIds),
    tensor("nodes_splits", floatTensor("nodes_splits", [splits.length], splits)),
    tensor("nodes_modes", uint8Tensor("nodes_modes", modes)),
    ints("nodes_truenodeids", trueIds),
    ints("nodes_trueleafs", trueLeafs),
    ints("nodes_falsenodeids", falseIds),
    ints("nodes_falseleafs", falseLeafs),
    ints("leaf_targetids", new Array(leafWeights.length).fill(0)),
    tensor("leaf_weights", floatTensor("leaf_weights", [leafWeights.length], leafWeights)),
  ];
}

/** Features read by at least one node whose NaN default goes left, ascending: the extra input columns. */
export function missingLeftColumns(trees: readonly TreeArrays[]): number[] {
  const features = new Set<number>();
  for (const t of trees) for (let n = 0; n < t.feature.length; n++) if (t.feature[n] >= 0 && t.defaultLeft[n]) features.add(t.feature[n]);
  return [...features].sort((a, b) => a - b);
}

function valueInfo(name: string, dims: (number | string)[]): Record<string, unknown> {
  return {
    name,
    type: {
      tensor_type: {
        elem_type: TensorDataType.FLOAT,
        shape: { dim: dims.map((d) => (typeof d === "number" ? { dim_value: d } : { dim_param: d })) },
      },
    },
  };
}

/**
 * ModelProto bytes (ir_version 10, opsets "" 21 and ai.onnx.ml 5):
 *   X[N,F] → [X | Where(IsNaN(X[:, L]), −∞, X[:, L])] → TreeEnsemble → Add(base score) → margin[N,1]
 *     → link → prediction[N,1]
 * where L are the features some node sends left when missing (no extra columns when there are none),
 * with link Sigmoid (binary:logistic), Exp − 1 (survival:aft, median days)
 * or Identity (reg:squarederror). TreeEnsemble v5 has no base_values, hence the Add.
 */
export function exportOnnx(model: GbmModel, options: { producerVersion?: string } = {}): Uint8Array {
  const nFeatures = model.featureNames.length;
  const nodes: Record<string, unknown>[] = [];
  const initializer = [floatTensor("base_score", [1, 1], [model.baseScore])];
  const leftColumns = missingLeftColumns(model.trees);
  let treeInput = ONNX_INPUT;
  if (leftColumns.length > 0) {
    initializer.push(int64Tensor("missing_left_features", leftColumns), floatTensor("minus_infinity", [1], [-Infinity]));
    nodes.push(
      { op_type: "Gather", name: "missing_left_gather", input: [ONNX_INPUT, "missing_left_features"], output: ["missing_left_values"], attribute: [int("axis", 1)] },
      { op_type: "IsNaN", name: "missing_left_isnan", input: ["missing_left_values"], output: ["missing_left_nan"] },
      { op_type: "Where", name: "missing_left_fill", input: ["missing_left_nan", "minus_infinity", "missing_left_values"], output: ["missing_left_columns"] },
      { op_type: "Concat", name: "routed_input", input: [ONNX_INPUT, "missing_left_columns"], output: ["routed_input"], attribute: [int("axis", 1)] },
    );
    treeInput = "routed_input";
  }
  nodes.push(
    { op_type: "TreeEnsemble", domain: "ai.onnx.ml", name: "trees", input: [treeInput], output: ["tree_sum"],
      attribute: treeEnsembleAttributes(model.trees, nFeatures) },
    { op_type: "Add", name: "add_base_score", input: ["tree_sum", "base_score"], output: [ONNX_MARGIN] },
  );
  switch (model.objective) {
    case "binary:logistic":
      nodes.push({ op_type: "Sigmoid", name: "sigmoid", input: [ONNX_MARGIN], output: [ONNX_PREDICTION] });
      break;
    case "survival:aft":
      initializer.push(floatTensor("one", [1, 1], [1]));
      nodes.push({ op_type: "Exp", name: "exp", input: [ONNX_MARGIN], output: ["exp_margin"] });
      nodes.push({ op_type: "Sub", name: "expm1", input: ["exp_margin", "one"], output: [ONNX_PREDICTION] });
      break;
    case "reg:squarederror":
      nodes.push({ op_type: "Identity", name: "identity", input: [ONNX_MARGIN], output: [ONNX_PREDICTION] });
      break;
  }
  const modelProto = {
    ir_version: 10,
    opset_import: [{ domain: "", version: 21 }, { domain: "ai.onnx.ml", version: 5 }],
    producer_name: "smart-demand-signals/ml",
    producer_version: options.producerVersion ?? "1",
    graph: {
      name: "gbm",
      node: nodes,
      initializer,
      input: [valueInfo(ONNX_INPUT, ["N", nFeatures])],
      output: [valueInfo(ONNX_MARGIN, ["N", 1]), valueInfo(ONNX_PREDICTION, ["N", 1])],
    },
    metadata_props: [
      { key: "objective", value: model.objective },
      { key: "feature_names", value: JSON.stringify(model.featureNames) },
      { key: "n_trees", value: String(model.trees.length) },
    ],
  };
  const type = onnxType("ModelProto");
  const err = type.verify(modelProto);
  if (err) throw new Error(`invalid ONNX model: ${err}`);
  return type.encode(type.fromObject(modelProto)).finish();
}
