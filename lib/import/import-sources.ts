// Imports a batch of uploaded CSV files. Each file is one transaction: COPY, validate, merge — so a
// failure or a killed process leaves the database exactly as it was, and a re-upload adds nothing
// (sales lines are keyed by content; master data is upserted). Imports are serialised by an
// advisory lock held for the length of each file's transaction.
import { randomUUID } from "node:crypto";
import { pipeline, type Readable } from "node:stream";
import type { Pool, PoolClient } from "pg";
import { openCopyWriter } from "@/lib/db/copy-writer";
import { ImportFileError, openTableStream, type OpenedTable, type RowError, type TableKind } from "@/lib/import/parse";
import { MeteredStream } from "@/lib/import/metered-stream";
import { LOADERS, TABLE_ORDER, type MergeResult, type RowSink, type TableLoader } from "@/lib/import/tables";

/** Key of the advisory lock that serialises imports ("SDSIMPRT" as a number). */
export const IMPORT_LOCK_KEY = 0x5344_5349_4d50;
/** Rejected rows kept in detail per file; beyond it they are only counted (memory stays bounded). */
export const MAX_REJECTED_DETAIL = 20_000;

export interface ImportSource {
  fileName: string;
  /** Size in bytes, for progress; optional. */
  size?: number;
  open(): Readable;
}

export interface ImportProgress {
  fileName: string;
  importId: number;
  table: TableKind;
  /** 0..1 of the file's bytes read (null when the size is unknown). */
  fraction: number | null;
  rows: number;
  phase: "waiting" | "reading" | "merging" | "done";
}

export interface ImportOptions {
  batchId?: string;
  userId?: number | null;
  onProgress?: (progress: ImportProgress) => void;
  /** Latest admissible sales date (ISO); the parser's default is one year after today. */
  maxDate?: string;
  /** See ParseOptions.keyWindowLines (tests only). */
  keyWindowLines?: number;
}

export interface FileImportReport {
  importId: number;
  fileName: string;
  status: "SUCCEEDED" | "FAILED";
  table: TableKind | null;
  error?: string;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsFlagged: number;
  rowsInserted: number;
  rowsExisting: number;
  /** True when the same bytes were imported successfully before. */
  sameFileImportedBefore: boolean;
  details: Record<string, unknown>;
}

type Opened = { source: ImportSource; meter: MeteredStream; opened: OpenedTable };

async function createImportRow(
  pool: Pool,
  fields: { batchId: string; fileName: string; userId: number | null; table: TableKind | null; format?: string; encoding?: string },
): Promise<number> {
  const result = await pool.query<{ id: number }>(
    `INSERT INTO import (batch_id, file_name, user_id, table_kind, format, encoding, status)
     VALUES ($1, $2, $3, $4, $5, $6, 'RUNNING') RETURNING id`,
    [fields.batchId, fields.fileName, fields.userId, fields.table, fields.format ?? null, fields.encoding ?? null],
  );
  return result.rows[0]!.id;
}

async function failImportRow(pool: Pool, importId: number, message: string, details: Record<string, unknown> = {}): Promise<void> {
  await pool.query(
    `UPDATE import SET status = 'FAILED', error = $2, report = $3, finished_at = now(), connection_pid = NULL WHERE id = $1`,
    [importId, message, JSON.stringify(details)],
  );
}

/** RUNNING imports whose database connection is gone were interrupted (killed process). */
export async function markInterruptedImports(db: Pool | PoolClient): Promise<number> {
  const result = await db.query(
    `UPDATE import SET status = 'FAILED', finished_at = now(),
       error = 'Importación interrumpida (el proceso se detuvo antes de terminar). No se guardó ningún dato de este archivo; vuelva a subirlo.'
     WHERE status = 'RUNNING'
       AND CASE WHEN connection_pid IS NULL
                -- created but never started (the process died between the two statements)
                THEN started_at < now() - interval '10 minutes'
                ELSE connection_pid NOT IN (SELECT pid FROM pg_stat_activity) END`,
  );
  return result.rowCount ?? 0;
}

function describeUnexpected(error: unknown): string {
  if (error instanceof ImportFileError) return `${error.message} No se guardó ningún dato de este archivo.`;
  const message = error instanceof Error ? error.message : String(error);
  return `Error inesperado al importar: ${message.slice(0, 500)}. No se guardó ningún dato de este archivo.`;
}

async function importOpenedFile(pool: Pool, item: Opened, importId: number, options: ImportOptions): Promise<FileImportReport> {
  const { opened, meter, source } = item;
  const loader = LOADERS[opened.table] as TableLoader<typeof opened.table>;
  const progress = (phase: ImportProgress["phase"], rows: number) =>
    options.onProgress?.({
      fileName: source.fileName,
      importId,
      table: opened.table,
      fraction: source.size ? Math.min(1, meter.bytes / source.size) : null,
      rows,
      phase,
    });

  const client = await pool.connect();
  let lastProgressWrite = 0;
  let sink: RowSink<typeof opened.table> | undefined;
  try {
    // Outside the transaction, so that other sessions can see who is doing this import.
    await client.query("UPDATE import SET connection_pid = pg_backend_pid() WHERE id = $1", [importId]);
    progress("waiting", 0);
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [IMPORT_LOCK_KEY]);
    sink = await loader.open(client, importId);
    const rejected: RowError[] = [];
    let rejectedRows = 0;
    let rows = 0;
    // A batch is the rows of one chunk of the file, handed over with one await (a promise per row
    // was most of the cost of a big file).
    for await (const batch of opened.batches) {
      for (const row of batch) {
        if (row.ok) continue;
        rejectedRows++;
        if (rejected.length < MAX_REJECTED_DETAIL) rejected.push(...row.errors.slice(0, 3));
      }
      const before = rows;
      rows += batch.length;
      if (before >>> 14 !== rows >>> 14) {
        progress("reading", rows);
        const now = Date.now();
        if (now - lastProgressWrite > 1000 && source.size) {
          lastProgressWrite = now;
          void pool.query("UPDATE import SET progress = $2 WHERE id = $1", [importId, Math.min(0.95, meter.bytes / source.size)]).catch(() => {});
        }
      }
      await sink.add(batch as never);
    }
    progress("merging", rows);

    const merge: MergeResult = await sink.finish();
    if (rejected.length) {
      const writer = openCopyWriter(client, `COPY import_rejected_row (import_id, line, "column", code, message, raw) FROM STDIN`);
      for (const error of rejected) {
        await writer.write([importId, error.line, error.column, error.code, error.message, JSON.stringify(error.raw)]);
      }
      await writer.end();
    }

    const stats = opened.stats;
    const sha = meter.digest();
    const before = await client.query(
      `SELECT 1 FROM import WHERE file_sha256 = $1 AND status = 'SUCCEEDED' AND id <> $2 LIMIT 1`,
      [sha, importId],
    );
    const report: FileImportReport = {
      importId,
      fileName: source.fileName,
      status: "SUCCEEDED",
      table: opened.table,
      rowsTotal: stats.dataRows,
      rowsAccepted: stats.accepted + stats.flagged - merge.rejected,
      rowsRejected: stats.rejected + merge.rejected,
      rowsFlagged: stats.flagged,
      rowsInserted: merge.inserted,
      rowsExisting: merge.existing,
      sameFileImportedBefore: (before.rowCount ?? 0) > 0,
      details: {
        format: opened.format,
        encoding: opened.encoding,
        delimiter: opened.delimiter,
        blankRows: stats.blankRows,
        truncated: stats.truncated,
        errorsByCode: { ...stats.errorsByCode, ...(merge.rejected ? { unknown_product: merge.rejected } : {}) },
        flagsByCode: stats.flagsByCode,
        merge: merge.notes,
        rejectedRowsInDetail: Math.min(rejected.length, MAX_REJECTED_DETAIL) + merge.rejected,
        rejectedRowsCounted: rejectedRows + merge.rejected,
        bytes: meter.bytes,
      },
    };
    await client.query(
      `UPDATE import SET status = 'SUCCEEDED', progress = 1, finished_at = now(), connection_pid = NULL, file_sha256 = $2,
         rows_total = $3, rows_accepted = $4, rows_rejected = $5, rows_flagged = $6, rows_inserted = $7, rows_existing = $8,
         report = $9
       WHERE id = $1`,
      [importId, sha, report.rowsTotal, report.rowsAccepted, report.rowsRejected, report.rowsFlagged, report.rowsInserted, report.rowsExisting, JSON.stringify(report.details)],
    );
    await client.query("COMMIT");
    progress("done", rows);
    return report;
  } catch (error) {
    // The connection must be idle (no COPY or merge still running) before it can roll back.
    await sink?.abort(error instanceof Error ? error : new Error(String(error))).catch(() => {});
    await client.query("ROLLBACK").catch(() => {});
    const message = describeUnexpected(error);
    await failImportRow(pool, importId, message);
    return emptyReport(importId, source.fileName, opened.table, message);
  } finally {
    client.release();
  }
}

function emptyReport(importId: number, fileName: string, table: TableKind | null, error: string): FileImportReport {
  return {
    importId,
    fileName,
    status: "FAILED",
    table,
    error,
    rowsTotal: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    rowsFlagged: 0,
    rowsInserted: 0,
    rowsExisting: 0,
    sameFileImportedBefore: false,
    details: {},
  };
}

/** Imports the files in dependency order (Productos → Clientes → Potencial → Campañas → Ventas). */
export async function importSources(pool: Pool, sources: ImportSource[], options: ImportOptions = {}): Promise<FileImportReport[]> {
  const batchId = options.batchId ?? randomUUID();
  const userId = options.userId ?? null;
  await markInterruptedImports(pool);

  const reports: FileImportReport[] = [];
  const ready: Opened[] = [];
  for (const source of sources) {
    const meter = new MeteredStream();
    let result;
    try {
      // pipeline(), not pipe(): a failing source must reach the parser as an error (a failed import),
      // not be left unhandled on its own stream (a crashed process).
      pipeline(source.open(), meter, () => undefined);
      result = await openTableStream(meter, { maxDate: options.maxDate, keyWindowLines: options.keyWindowLines });
    } catch (error) {
      result = { ok: false as const, error: { code: "read_error" as const, message: describeUnexpected(error) } };
    }
    if (!result.ok) {
      const importId = await createImportRow(pool, { batchId, fileName: source.fileName, userId, table: null });
      await failImportRow(pool, importId, result.error.message, { code: result.error.code });
      reports.push(emptyReport(importId, source.fileName, null, result.error.message));
      continue;
    }
    ready.push({ source, meter, opened: result });
  }
  ready.sort((a, b) => TABLE_ORDER.indexOf(a.opened.table) - TABLE_ORDER.indexOf(b.opened.table));

  const created = [];
  for (const item of ready) {
    created.push(
      await createImportRow(pool, {
        batchId,
        fileName: item.source.fileName,
        userId,
        table: item.opened.table,
        format: item.opened.format,
        encoding: item.opened.encoding,
      }),
    );
  }
  for (const [index, item] of ready.entries()) {
    reports.push(await importOpenedFile(pool, item, created[index]!, options));
  }
  return reports;
}
