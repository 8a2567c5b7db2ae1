import { SalesLineWriter } from "@/lib/import/sales/sales-line-writer";
import type { TableLoader } from "./table-loader";

/** Sales lines have their own writer, built for volume (lib/import/sales). */
export const salesLoader: TableLoader<"ventas"> = {
  table: "ventas",
  open: (client, importId) => SalesLineWriter.open(client, importId),
};
