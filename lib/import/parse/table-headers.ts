// Which table a file holds, told from its header row. Both the customer's own export ("original")
// and the cleaned snake_case copy ("canonical") are accepted; matching ignores case, accents,
// spaces and punctuation so "Id. Cliente", "Id.Cliente" and "id_cliente" are one column.
import type { FileFormat, TableKind } from "./types";

export type ColumnKey =
  | "invoice" | "date" | "client" | "product" | "units" | "value"
  | "postalCode" | "province"
  | "block" | "category" | "family"
  | "familyLabel" | "potential"
  | "campaign" | "startDate" | "endDate";

interface ColumnSpec {
  key: ColumnKey;
  original: string;
  canonical: string;
  /** Shown in errors when the header cell is empty (the original Clientes has an unnamed column). */
  label: string;
  /** Further accepted spellings, already loose-normalised. */
  aliases?: string[];
}

export const TABLE_LABELS: Record<TableKind, string> = {
  ventas: "Ventas",
  clientes: "Clientes",
  productos: "Productos",
  potencial: "Potencial",
  campanas: "Campañas",
};

export const TABLE_COLUMNS: Record<TableKind, readonly ColumnSpec[]> = {
  ventas: [
    { key: "invoice", original: "Num.Fact", canonical: "num_fact", label: "Num.Fact" },
    { key: "date", original: "Fecha", canonical: "fecha", label: "Fecha" },
    { key: "client", original: "Id. Cliente", canonical: "id_cliente", label: "Id. Cliente" },
    { key: "product", original: "Id. Producto", canonical: "id_producto", label: "Id. Producto" },
    { key: "units", original: "Unidades", canonical: "unidades", label: "Unidades" },
    { key: "value", original: "Valores_H", canonical: "valores_h", label: "Valores_H" },
  ],
  clientes: [
    { key: "client", original: "Id. Cliente", canonical: "id_cliente", label: "Id. Cliente" },
    // The customer's export leaves the postal-code column without a name.
    { key: "postalCode", original: "", canonical: "codigo_postal", label: "Código postal (columna sin nombre)", aliases: ["cp", "codpostal", "postal"] },
    { key: "province", original: "Provincia", canonical: "provincia", label: "Provincia" },
  ],
  productos: [
    { key: "product", original: "Id.Prod", canonical: "id_producto", label: "Id.Prod" },
    { key: "block", original: "Bloque analítico", canonical: "bloque_analitico", label: "Bloque analítico" },
    { key: "category", original: "Categoria_H", canonical: "categoria_h", label: "Categoria_H" },
    { key: "family", original: "Familia_H", canonical: "familia_h", label: "Familia_H" },
  ],
  potencial: [
    { key: "client", original: "Id.Cliente", canonical: "id_cliente", label: "Id.Cliente" },
    { key: "familyLabel", original: "Familia", canonical: "familia_comercial", label: "Familia" },
    { key: "category", original: "Categoria Productos", canonical: "categoria_h", label: "Categoria Productos" },
    { key: "potential", original: "Potencial_H", canonical: "potencial_h", label: "Potencial_H" },
  ],
  campanas: [
    { key: "campaign", original: "Campaña", canonical: "campana", label: "Campaña" },
    { key: "startDate", original: "Fecha inicio", canonical: "fecha_inicio", label: "Fecha inicio" },
    { key: "endDate", original: "Fecha fin", canonical: "fecha_fin", label: "Fecha fin" },
  ],
};

export const TABLE_KINDS = Object.keys(TABLE_COLUMNS) as TableKind[];

export function looseHeaderKey(cell: string): string {
  return cell.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
}

function acceptedKeys(spec: ColumnSpec): Set<string> {
  return new Set([looseHeaderKey(spec.original), looseHeaderKey(spec.canonical), ...(spec.aliases ?? [])]);
}

export interface RecognisedHeader {
  table: TableKind;
  format: FileFormat;
  /** Index of each column in a row. */
  columnIndex: Record<ColumnKey, number>;
  /** Header name per index, as written (or the spec's label when empty), for error messages. */
  columnNames: string[];
  /** Number of columns the header declares, trailing empty cells included. */
  width: number;
}

export type HeaderMatch =
  | { ok: true; header: RecognisedHeader }
  | { ok: false; reason: "unknown"; closest?: { table: TableKind; missing: string[]; unexpected: string[] } }
  | { ok: false; reason: "duplicate"; table: TableKind; column: string };

// The cleaned copy's headers are all snake_case identifiers; the customer's have dots, spaces,
// capitals, a "ñ" or an empty cell. Ventas and Campañas only differ by this style.
function formatOfHeader(cells: string[]): FileFormat {
  return cells.every((c) => /^[a-z0-9]+(_[a-z0-9]+)*$/.test(c)) ? "canonical" : "original";
}

interface Attempt {
  table: TableKind;
  assigned: Map<ColumnKey, number>;
  unexpected: string[];
  duplicate?: string;
}

function attempt(table: TableKind, cells: string[]): Attempt {
  const specs = TABLE_COLUMNS[table];
  const assigned = new Map<ColumnKey, number>();
  const unexpected: string[] = [];
  let duplicate: string | undefined;
  cells.forEach((cell, index) => {
    const loose = looseHeaderKey(cell);
    const spec = specs.find((s) => acceptedKeys(s).has(loose));
    if (!spec) unexpected.push(cell);
    else if (assigned.has(spec.key)) duplicate ??= cell || spec.label;
    else assigned.set(spec.key, index);
  });
  return { table, assigned, unexpected, duplicate };
}

export function recogniseHeader(rawCells: string[]): HeaderMatch {
  const cells = rawCells.map((c) => c.trim());
  let lastNamed = cells.length - 1;
  while (lastNamed >= 0 && cells[lastNamed] === "") lastNamed--;
  let best: Attempt | undefined;
  for (const table of TABLE_KINDS) {
    const width = TABLE_COLUMNS[table].length;
    // Excel sometimes adds empty header cells after the last column; they are ignored, but an
    // empty cell inside the expected width is a column (the Clientes postal code).
    const used = cells.slice(0, Math.max(lastNamed + 1, Math.min(width, cells.length)));
    const result = attempt(table, used);
    const complete = result.assigned.size === width && result.unexpected.length === 0;
    if (complete && !result.duplicate) {
      const columnIndex = Object.fromEntries(result.assigned) as Record<ColumnKey, number>;
      const columnNames = cells.map((cell, i) => {
        if (cell) return cell;
        const spec = TABLE_COLUMNS[table].find((s) => columnIndex[s.key] === i);
        return spec ? spec.label : `(columna ${i + 1})`;
      });
      return { ok: true, header: { table, format: formatOfHeader(used), columnIndex, columnNames, width: cells.length } };
    }
    if (result.duplicate && result.assigned.size === width) {
      return { ok: false, reason: "duplicate", table, column: result.duplicate };
    }
    if (!best || result.assigned.size - result.unexpected.length > best.assigned.size - best.unexpected.length) best = result;
  }
  if (!best || best.assigned.size === 0) return { ok: false, reason: "unknown" };
  const missing = TABLE_COLUMNS[best.table].filter((s) => !best!.assigned.has(s.key)).map((s) => s.original || s.label);
  return { ok: false, reason: "unknown", closest: { table: best.table, missing, unexpected: best.unexpected } };
}

/** "Ventas: Num.Fact,Fecha,…" lines, both formats, for the unrecognised-header message. */
export function describeExpectedHeaders(): string {
  return TABLE_KINDS.map((table) => {
    const specs = TABLE_COLUMNS[table];
    return `${TABLE_LABELS[table]}: «${specs.map((s) => s.original).join(",")}» o «${specs.map((s) => s.canonical).join(",")}»`;
  }).join("; ");
}
