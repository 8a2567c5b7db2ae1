// How one table goes from parsed rows to the database: a temporary staging table filled by COPY,
// then set-based SQL that merges it into the real tables (inside the import's transaction).
import type { PoolClient } from "pg";
import type { CopyValue } from "@/lib/db/copy-writer";
import type { RowFlag, TableKind, TableRecordMap } from "@/lib/import/parse";

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

export interface TableLoader<K extends TableKind> {
  table: K;
  stagingDdl: string;
  copySql: string;
  toCopyRow(line: number, record: TableRecordMap[K], flags: RowFlag[]): CopyValue[];
  /** Merges the rows staged since the last merge; `stagedRows` is how many there are. */
  merge(client: PoolClient, importId: number, stagedRows: number): Promise<MergeResult>;
  /**
   * Set when merging the staged rows chunk by chunk, summing the results, is the same as merging
   * them all at once (sales lines: each line stands alone; not master data, where the first row of a
   * client wins over the whole file). It empties the staging table between chunks, and lets the
   * importer merge one chunk while it parses the next.
   */
  resetStagingSql?: string;
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
