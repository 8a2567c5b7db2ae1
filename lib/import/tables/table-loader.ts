// How one table goes from parsed rows to the database, inside the file's transaction. Master data:
// a temporary staging table filled by COPY, then set-based SQL that merges it into the real tables
// (staging-pipeline.ts). Sales lines: their own writer (lib/import/sales), built for volume.
import type { PoolClient } from "pg";
import type { RowResult, TableKind, TableRecordMap } from "@/lib/import/parse";

export interface MergeResult {
  /** Rows that created something new. */
  inserted: number;
  /** Rows that updated an existing record (master data) or were already there (sales lines). */
  existing: number;
  /** Rows rejected by the merge itself (e.g. an unknown product), already written to import_rejected_row. */
  rejected: number;
  /** Named counts for the report, e.g. { newUnregisteredClients: 3 }. */
  notes: Record<string, number>;
}

/** Where one file's parsed rows go. */
export interface RowSink<K extends TableKind> {
  /** Takes one batch of parsed rows (rejected ones are skipped here); resolves when more may be given. */
  add(rows: readonly RowResult<TableRecordMap[K]>[]): Promise<void>;
  /** Writes what is left; resolves with the file's merge result. */
  finish(): Promise<MergeResult>;
  /** After a failure: stops what is in progress and waits until the connection is idle. */
  abort(reason: Error): Promise<void>;
}

export interface TableLoader<K extends TableKind> {
  table: K;
  /** Prepares the file's writer, inside its transaction and after the import lock is taken. */
  open(client: PoolClient, importId: number): Promise<RowSink<K>>;
}

/** Adds one chunk's merge result into the running total. */
export function addMergeResult(total: MergeResult, part: MergeResult): void {
  total.inserted += part.inserted;
  total.existing += part.existing;
  total.rejected += part.rejected;
  for (const [name, value] of Object.entries(part.notes)) total.notes[name] = (total.notes[name] ?? 0) + value;
}

/** Every sales line's in_campaign flag from the campaign windows (after Campañas change). */
export async function refreshCampaignFlags(client: PoolClient, where = "TRUE"): Promise<number> {
  const result = await client.query(`
    UPDATE sales_line sl SET in_campaign = flag.value
    FROM (
      SELECT s.id, EXISTS (SELECT 1 FROM campaign k WHERE s.date BETWEEN k.starts_on AND k.ends_on) AS value
      FROM sales_line s WHERE ${where}
    ) flag
    WHERE sl.id = flag.id AND sl.in_campaign IS DISTINCT FROM flag.value`);
  return result.rowCount ?? 0;
}
