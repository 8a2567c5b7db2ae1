// Moves one file's parsed rows into the database, inside its transaction: COPY into the loader's
// staging table, then the loader's merge.
//
// For a loader that can merge chunk by chunk (`resetStagingSql`: the sales lines) the rows are
// merged a chunk at a time, and the merge of one chunk runs while Node parses the next: the merge
// is PostgreSQL's work on one core, the parsing Node's on the other. At most two chunks of COPY text
// are held (the one being merged and the one being filled). Other loaders stream their rows
// straight into a single COPY and merge once at the end, so memory stays flat for them too.
import type { PoolClient } from "pg";
import { openCopyWriter, type CopyWriter } from "@/lib/db/copy-writer";
import { addMergeResult, type MergeResult, type TableLoader } from "@/lib/import/tables";
import type { TableKind } from "@/lib/import/parse";

/**
 * Rows per merged chunk. Each chunk's merge re-reads the client and product tables (hash joins), so
 * bigger is cheaper; 64 Ki staged rows (~6 MB) still fit PostgreSQL's default temp_buffers (8 MB).
 * The first chunk is smaller so that the database starts working early.
 */
export const CHUNK_ROWS = 65_536;
const FIRST_CHUNK_ROWS = 16_384;

export class StagingPipeline {
  private readonly total: MergeResult = { inserted: 0, existing: 0, rejected: 0, notes: {} };
  private mergedOnce = false;
  // Streaming mode: the open COPY.
  private copy: CopyWriter | undefined;
  // Chunked mode: the chunk being filled, and the previous one being copied and merged.
  private pending: { text: string; rows: number }[] = [];
  private pendingRows = 0;
  private chunkLimit: number;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly client: PoolClient,
    private readonly loader: TableLoader<TableKind>,
    private readonly importId: number,
    private readonly chunkRows = CHUNK_ROWS,
  ) {
    this.chunkLimit = Math.min(FIRST_CHUNK_ROWS, chunkRows);
  }

  /** Takes `rows` rows encoded as COPY text; resolves when more may be given. */
  async add(text: string, rows: number): Promise<void> {
    if (!rows) return;
    if (!this.loader.resetStagingSql) {
      this.copy ??= openCopyWriter(this.client, this.loader.copySql);
      await this.copy.writeText(text, rows);
      return;
    }
    this.pending.push({ text, rows });
    this.pendingRows += rows;
    if (this.pendingRows >= this.chunkLimit) await this.dispatch();
  }

  /** Merges what is left; resolves with the file's merge result. */
  async finish(): Promise<MergeResult> {
    if (this.copy) {
      const copy = this.copy;
      this.copy = undefined;
      await this.merge(await copy.end());
    } else {
      if (this.pendingRows) await this.dispatch();
      await this.settle();
    }
    // A file without rows still runs its merge once (master-data merges also refresh sales lines).
    if (!this.mergedOnce) await this.merge(0);
    return this.total;
  }

  /** After a failure: stops the COPY in progress and waits until the connection is idle. */
  async abort(reason: Error): Promise<void> {
    await this.copy?.abort(reason);
    this.copy = undefined;
    await this.inFlight?.catch(() => undefined);
    this.inFlight = undefined;
  }

  // Sends the filled chunk once the previous one is merged, and returns without waiting for it.
  private async dispatch(): Promise<void> {
    const pieces = this.pending;
    this.pending = [];
    this.pendingRows = 0;
    this.chunkLimit = Math.min(this.chunkLimit * 2, this.chunkRows);
    await this.settle();
    const work = this.copyAndMerge(pieces);
    work.catch(() => undefined); // observed by settle(); never an unhandled rejection meanwhile
    this.inFlight = work;
  }

  private async settle(): Promise<void> {
    const work = this.inFlight;
    this.inFlight = undefined;
    await work;
  }

  private async copyAndMerge(pieces: { text: string; rows: number }[]): Promise<void> {
    const copy = openCopyWriter(this.client, this.loader.copySql);
    for (const piece of pieces) await copy.writeText(piece.text, piece.rows);
    await this.merge(await copy.end());
    await this.client.query(this.loader.resetStagingSql!);
  }

  private async merge(stagedRows: number): Promise<void> {
    addMergeResult(this.total, await this.loader.merge(this.client, this.importId, stagedRows));
    this.mergedOnce = true;
  }
}
