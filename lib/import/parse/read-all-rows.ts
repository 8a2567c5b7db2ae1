// Drains an opened table into memory. Meant for the small tables (Productos, Campañas) and for tests;
// sales files should be consumed row by row.
import type { OpenedTable } from "./parse-table-stream";
import type { ParseStats, RowResult, TableRecordMap } from "./types";

export async function readAllRows<T extends OpenedTable>(
  opened: T,
): Promise<{ rows: RowResult<TableRecordMap[T["table"]]>[]; stats: ParseStats }> {
  const rows: RowResult<TableRecordMap[T["table"]]>[] = [];
  for await (const row of opened.rows as AsyncIterable<RowResult<TableRecordMap[T["table"]]>>) rows.push(row);
  return { rows, stats: opened.stats };
}
