// The master-data tables' way into the database, inside the file's transaction: every accepted row
// streamed into one COPY into a temporary staging table, then the table's set-based merge once at
// the end (a client listed twice keeps its first row over the whole file, so it cannot be merged
// chunk by chunk). Memory stays flat: rows go out as they are parsed.
import type { PoolClient } from "pg";
import { encodeCopyRow, openCopyWriter, type CopyValue, type CopyWriter } from "@/lib/db/copy-writer";
import type { RowFlag, RowResult, TableKind, TableRecordMap } from "@/lib/import/parse";
import type { MergeResult, RowSink, TableLoader } from "@/lib/import/tables/table-loader";

export interface StagedTable<K extends TableKind> {
  table: K;
  /** CREATE TEMP TABLE … ON COMMIT DROP */
  stagingDdl: string;
  copySql: string;
  toCopyRow(line: number, record: TableRecordMap[K], flags: RowFlag[]): CopyValue[];
  /** Merges the staged rows; `stagedRows` is how many there are. Runs even for a file without rows. */
  merge(client: PoolClient, importId: number, stagedRows: number): Promise<MergeResult>;
}

class StagingSink<K extends TableKind> implements RowSink<K> {
  private copy: CopyWriter | undefined;

  constructor(
    private readonly client: PoolClient,
    private readonly spec: StagedTable<K>,
    private readonly importId: number,
  ) {}

  async add(rows: readonly RowResult<TableRecordMap[K]>[]): Promise<void> {
    const lines: string[] = [];
    for (const row of rows) if (row.ok) lines.push(encodeCopyRow(this.spec.toCopyRow(row.line, row.record, row.flags)));
    if (!lines.length) return;
    this.copy ??= openCopyWriter(this.client, this.spec.copySql);
    await this.copy.writeText(lines.join(""), lines.length);
  }

  async finish(): Promise<MergeResult> {
    const copy = this.copy;
    this.copy = undefined;
    const staged = copy ? await copy.end() : 0;
    return this.spec.merge(this.client, this.importId, staged);
  }

  async abort(reason: Error): Promise<void> {
    await this.copy?.abort(reason);
    this.copy = undefined;
  }
}

/** A loader that stages the whole file, then merges it. */
export function stagedLoader<K extends TableKind>(spec: StagedTable<K>): TableLoader<K> {
  return {
    table: spec.table,
    async open(client, importId) {
      await client.query(spec.stagingDdl);
      return new StagingSink(client, spec, importId);
    },
  };
}
