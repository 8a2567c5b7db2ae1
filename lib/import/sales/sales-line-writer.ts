// Writes a sales file's lines into sales_line, inside the file's transaction, at the pace Node
// parses them.
//
// Each line is resolved here, against references read once (sales-references.ts): its product (an
// unknown one rejects the line, with the reason), its client (an unknown one is created as
// unregistered), its family and campaign flag. Lines are then sent a chunk at a time, and the
// database writes one chunk while Node parses the next (one core each):
//   - a line dated on a day that had no lines before this file cannot be there already (its key
//     hashes its date, and the identity index includes the date), so it goes straight into
//     sales_line by COPY;
//   - the others go through a staging table and INSERT … ON CONFLICT DO NOTHING, which skips the
//     ones already there (a re-upload, an overlapping period).
// Within a chunk, lines are written in client × family order (the identity index's order), so that
// consecutive inserts land on the same index pages: 23 % less database time than file order.
// The straight COPY runs under a savepoint: should it meet a key already there after all (an exact
// repeat of a line further away in the file than the keyer's window, which takes the same key), the
// chunk is rolled back to the savepoint and merged through staging instead. Identity is always
// enforced by the unique index; the dates only choose the cheaper path.
//
// sales_line has no per-row foreign-key triggers; instead every client and product the file used
// is checked once, before the commit, under a lock that keeps them until then (checkReferences).
import type { PoolClient } from "pg";
import { encodeCopyRow, openCopyWriter } from "@/lib/db/copy-writer";
import type { RowResult, SalesLine } from "@/lib/import/parse";
import type { MergeResult, RowSink } from "@/lib/import/tables/table-loader";
import { copyBytes } from "./copy-bytes";
import { encodeSalesLine, centsToDecimal, SALES_LINE_COLUMNS } from "./encode-sales-line";
import { LineBuffer } from "./line-buffer";
import { clientRef, loadSalesReferences, type ClientRef, type ProductRef, type SalesReferences } from "./sales-references";

/** Lines per chunk: big enough that per-chunk round trips vanish, small enough to hold two. */
export const CHUNK_ROWS = 32_768;
/** The first chunk is smaller, so that the database starts working early. */
const FIRST_CHUNK_ROWS = 8_192;

const STAGING_DDL = `CREATE TEMP TABLE staging_sales ON COMMIT DROP AS SELECT ${SALES_LINE_COLUMNS} FROM sales_line WITH NO DATA`;
const COPY_DIRECT = `COPY sales_line (${SALES_LINE_COLUMNS}) FROM STDIN`;
const COPY_STAGING = `COPY staging_sales (${SALES_LINE_COLUMNS}) FROM STDIN`;
const MERGE_STAGING = `INSERT INTO sales_line (${SALES_LINE_COLUMNS}) SELECT ${SALES_LINE_COLUMNS} FROM staging_sales
  ON CONFLICT (client_id, family_code, date, line_key) DO NOTHING`;
const COPY_REJECTED = `COPY import_rejected_row (import_id, line, "column", code, message, raw) FROM STDIN`;
const UNIQUE_VIOLATION = "23505";

/** COPY text of rows kept as strings (rejected rows: few) and how many rows it holds. */
class CopyText {
  pieces: string[] = [];
  rows = 0;
  add(text: string): void {
    this.pieces.push(text);
    this.rows++;
  }
}

interface Chunk {
  rows: number;
  /** Lines on days without earlier lines: COPY straight into sales_line. */
  direct: LineBuffer;
  /** Lines that may already be there: through staging. */
  staged: LineBuffer;
  /** Lines whose client is not known yet, placed once it is created. */
  waiting: { record: SalesLine; product: ProductRef }[];
  /** COPY text of rejected rows (unknown products). */
  rejected: CopyText;
}


/** "2024-01-03" → "1/3/2024", the way the customer's export writes it. */
function exportDate(iso: string): string {
  return `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;
}

export class SalesLineWriter implements RowSink<"ventas"> {
  private readonly total: MergeResult = { inserted: 0, existing: 0, rejected: 0, notes: {} };
  private newClients = 0;
  private unregisteredLines = 0;
  private readonly usedClients: number[] = [];
  private readonly usedProducts: number[] = [];
  private readonly campaignOfDate = new Map<string, boolean>();
  private readonly importTail: string;
  /** Line buffers of written chunks, for the next ones (two chunks are alive at a time). */
  private readonly spare: LineBuffer[] = [];
  private chunk = this.newChunk();
  private chunkLimit: number;
  private savepointTaken = false;
  private inFlight: Promise<void> | undefined;

  static async open(client: PoolClient, importId: number, chunkRows = CHUNK_ROWS): Promise<SalesLineWriter> {
    await client.query(STAGING_DDL);
    return new SalesLineWriter(client, importId, await loadSalesReferences(client), chunkRows);
  }

  private constructor(
    private readonly client: PoolClient,
    private readonly importId: number,
    private readonly refs: SalesReferences,
    private readonly chunkRows: number,
  ) {
    this.importTail = `\t${importId}\n`;
    this.chunkLimit = Math.min(FIRST_CHUNK_ROWS, chunkRows);
  }

  async add(rows: readonly RowResult<SalesLine>[]): Promise<void> {
    const { products, clients } = this.refs;
    const chunk = this.chunk;
    let taken = 0;
    for (const row of rows) {
      if (!row.ok) continue;
      taken++;
      const record = row.record;
      const product = products.get(record.productId);
      if (product === undefined) {
        this.reject(chunk, row.line, record);
        continue;
      }
      const client = clients.get(record.clientId);
      if (client === undefined) chunk.waiting.push({ record, product });
      else this.place(chunk, record, product, client);
    }
    chunk.rows += taken;
    if (chunk.rows >= this.chunkLimit) await this.dispatch();
  }

  async finish(): Promise<MergeResult> {
    if (this.chunk.rows) await this.dispatch();
    await this.settle();
    await this.checkReferences();
    this.total.notes = { newUnregisteredClients: this.newClients, linesOfUnregisteredClients: this.unregisteredLines };
    return this.total;
  }

  async abort(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    this.inFlight = undefined;
  }

  // ── per line ──

  private place(chunk: Chunk, record: SalesLine, product: ProductRef, client: ClientRef): void {
    if (!client.used) {
      client.used = true;
      this.usedClients.push(client.id);
    }
    if (!product.used) {
      product.used = true;
      this.usedProducts.push(product.id);
    }
    if (!client.registered) this.unregisteredLines++;
    const lines = this.refs.datesWithLines.has(record.date) ? chunk.staged : chunk.direct;
    lines.push(encodeSalesLine(record, product, client, this.inCampaign(record.date), this.importTail), client.id * this.refs.familyCount + product.familyRank);
  }

  private inCampaign(date: string): boolean {
    let flag = this.campaignOfDate.get(date);
    if (flag === undefined) {
      flag = this.refs.campaigns.some((k) => k.startsOn <= date && date <= k.endsOn);
      this.campaignOfDate.set(date, flag);
    }
    return flag;
  }

  // A product must exist: its family decides everything downstream. Such rows are rejected, with
  // the reason, rather than guessed.
  private reject(chunk: Chunk, line: number, r: SalesLine): void {
    const message = `El producto ${r.productId} no existe en Productos: importe antes el archivo de Productos que lo incluya.`;
    const raw = [r.invoiceNumber, exportDate(r.date), r.clientId, r.productId, String(r.units), centsToDecimal(r.valueCents)];
    chunk.rejected.add(encodeCopyRow([this.importId, line, "Id. Producto", "unknown_product", message, JSON.stringify(raw)]));
  }

  // ── per chunk ──

  private newChunk(): Chunk {
    const direct = this.spare.pop() ?? new LineBuffer(1 << 20, 1 << 12);
    const staged = this.spare.pop() ?? new LineBuffer();
    return { rows: 0, direct, staged, waiting: [], rejected: new CopyText() };
  }

  // Sends the filled chunk once the previous one is written, and returns without waiting for it.
  private async dispatch(): Promise<void> {
    const chunk = this.chunk;
    this.chunk = this.newChunk();
    this.chunkLimit = Math.min(this.chunkLimit * 2, this.chunkRows);
    await this.settle();
    const work = this.write(chunk);
    work.catch(() => undefined); // observed by settle(); never an unhandled rejection meanwhile
    this.inFlight = work;
  }

  private async settle(): Promise<void> {
    const work = this.inFlight;
    this.inFlight = undefined;
    await work;
  }

  private async write(chunk: Chunk): Promise<void> {
    if (chunk.waiting.length) {
      await this.createMissingClients(chunk.waiting.map((w) => w.record.clientId));
      for (const { record, product } of chunk.waiting) this.place(chunk, record, product, this.refs.clients.get(record.clientId)!);
    }
    if (chunk.direct.count) {
      const direct = chunk.direct.sorted();
      if (await this.copyStraight(direct)) this.total.inserted += chunk.direct.count;
      else await this.mergeThroughStaging(direct, chunk.direct.count);
    }
    if (chunk.staged.count) await this.mergeThroughStaging(chunk.staged.sorted(), chunk.staged.count);
    if (chunk.rejected.rows) {
      const writer = openCopyWriter(this.client, COPY_REJECTED);
      for (const piece of chunk.rejected.pieces) await writer.writeText(piece, 1);
      await writer.end();
      this.total.rejected += chunk.rejected.rows;
    }
    for (const lines of [chunk.staged, chunk.direct]) {
      lines.reset();
      this.spare.push(lines);
    }
  }

  // Lines of clients missing from Clientes are kept: the client is created as unregistered.
  private async createMissingClients(externalIds: string[]): Promise<void> {
    const missing = [...new Set(externalIds)].filter((id) => !this.refs.clients.has(id));
    if (!missing.length) return;
    const created = await this.client.query(
      `INSERT INTO client (external_id, registered, quality_flags, import_id)
       SELECT external_id, false, ARRAY['missing_from_clientes'], $2::int FROM unnest($1::text[]) AS external_id
       ON CONFLICT (external_id) DO NOTHING`,
      [missing, this.importId],
    );
    this.newClients += created.rowCount ?? 0;
    const found = await this.client.query<{ id: number; external_id: string; registered: boolean }>(
      "SELECT id, external_id, registered FROM client WHERE external_id = ANY($1::text[])",
      [missing],
    );
    for (const c of found.rows) this.refs.clients.set(c.external_id, clientRef(c.id, c.registered));
  }

  /** True when written; false when a line was already there (nothing written, back to the savepoint). */
  private async copyStraight(lines: Buffer): Promise<boolean> {
    // One round trip: the previous chunk's savepoint is released, this one's taken, and the COPY
    // starts, in one query (a wait for each answer was a pause of the database per chunk). The last
    // savepoint is released by the commit.
    const release = this.savepointTaken ? "RELEASE SAVEPOINT sales_copy; " : "";
    try {
      await copyBytes(this.client, `${release}SAVEPOINT sales_copy; ${COPY_DIRECT}`, lines);
      this.savepointTaken = true;
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      this.savepointTaken = true; // the COPY is the statement that failed: the savepoint was taken
      await this.client.query("ROLLBACK TO SAVEPOINT sales_copy");
      return false;
    }
    return true;
  }

  private async mergeThroughStaging(lines: Buffer, rows: number): Promise<void> {
    await copyBytes(this.client, COPY_STAGING, lines);
    const inserted = (await this.client.query(MERGE_STAGING)).rowCount ?? 0;
    await this.client.query("TRUNCATE staging_sales");
    this.total.inserted += inserted;
    this.total.existing += rows - inserted;
  }

  // What the foreign keys did per row, once per file: every client and product the lines point to
  // exists, and stays until this transaction ends. SHARE mode blocks writers of the two tables (only
  // imports write them, and they are serialised anyway) until the commit, not readers; locking each
  // row FOR KEY SHARE, as a foreign key does, wrote to ~10,000 client rows.
  private async checkReferences(): Promise<void> {
    if (!this.usedClients.length) return;
    await this.client.query("LOCK TABLE client, product IN SHARE MODE");
    const found = await this.client.query<{ clients: number; products: number }>(
      `SELECT (SELECT count(*)::int FROM client WHERE id = ANY($1::int[])) AS clients,
              (SELECT count(*)::int FROM product WHERE id = ANY($2::int[])) AS products`,
      [this.usedClients, this.usedProducts],
    );
    const missing = this.usedClients.length - found.rows[0]!.clients + this.usedProducts.length - found.rows[0]!.products;
    if (missing) throw new Error(`${missing} clients or products referenced by the file's lines no longer exist`);
  }
}
