import type { TableKind } from "@/lib/import/parse";
import { campaignLoader } from "./campaign-loader";
import { clientLoader } from "./client-loader";
import { potentialLoader } from "./potential-loader";
import { productLoader } from "./product-loader";
import { salesLoader } from "./sales-loader";
import type { TableLoader } from "./table-loader";

export const LOADERS: { [K in TableKind]: TableLoader<K> } = {
  productos: productLoader,
  clientes: clientLoader,
  potencial: potentialLoader,
  campanas: campaignLoader,
  ventas: salesLoader,
};

/** Master data before the lines that refer to it, whatever order the files were dropped in. */
export const TABLE_ORDER: readonly TableKind[] = ["productos", "clientes", "potencial", "campanas", "ventas"];

export { addMergeResult, type MergeResult, type RowSink, type TableLoader } from "./table-loader";
