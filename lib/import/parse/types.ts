// The vocabulary of the import parser: which tables exist, what a parsed row becomes, and how a
// rejected row or a file-level problem is described to the admin who uploaded the file.

export type TableKind = "ventas" | "clientes" | "productos" | "potencial" | "campanas";

/** "original": the customer's export (M/D/YYYY dates, "1.234,56" numbers); "canonical": snake_case, ISO, dot decimals. */
export type FileFormat = "original" | "canonical";

export type DetectedEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export type CategoryCode = "C1" | "C2" | "T1";
export type FamilyCode = "C1" | "C2" | "T1" | "T2";
export type ProductBlock = "commodities" | "technical";

/** See classify-sales-line.ts for the precedence between kinds. */
export type SalesLineKind = "purchase" | "return" | "zero_value_replacement" | "price_correction" | "empty";

export interface SalesLine {
  invoiceNumber: string;
  /** ISO YYYY-MM-DD */
  date: string;
  clientId: string;
  productId: string;
  units: number;
  /** Money as integer hundredths so sums and line keys are exact. */
  valueCents: number;
  kind: SalesLineKind;
  /** Stable identity for idempotent re-imports, see sales-line-key.ts. */
  key: string;
}

export interface ClientRow {
  clientId: string;
  /** 5 digits, or null when the export has none (foreign clients carry "0"). */
  postalCode: string | null;
  /** The province as written in the file. */
  provinceName: string;
  /** INE code of the province named (or, failing that, of the postal code); null when neither is Spanish. */
  provinceCode: string | null;
}

export interface ProductRow {
  productId: string;
  block: ProductBlock;
  category: CategoryCode;
  family: FamilyCode;
}

export interface PotentialRow {
  clientId: string;
  category: CategoryCode;
  /** The commercial family label as written ("Anestesia"…); the category is what joins. */
  familyLabel: string;
  /** Yearly purchase potential in hundredths of the sales money unit. */
  potentialCents: number;
}

export interface CampaignRow {
  name: string;
  startDate: string;
  endDate: string;
}

export interface TableRecordMap {
  ventas: SalesLine;
  clientes: ClientRow;
  productos: ProductRow;
  potencial: PotentialRow;
  campanas: CampaignRow;
}

export const ROW_ERROR_CODES = [
  "field_count",
  "required",
  "field_too_long",
  "control_characters",
  "invalid_encoding",
  "formula_like",
  "invalid_id",
  "id_scientific_notation",
  "invalid_number",
  "not_integer",
  "negative_value",
  "number_out_of_range",
  "invalid_date",
  "date_out_of_range",
  "invalid_postal_code",
  "unknown_category",
  "unknown_family",
  "unknown_block",
  "inconsistent_classification",
  "campaign_end_before_start",
  "malformed_csv",
  "record_too_large",
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export interface RowError {
  /** 1-based physical line of the file where the row starts (the header is line 1). */
  line: number;
  /** Header name of the offending column as written in the file ("(fila)" when it concerns the whole row). */
  column: string;
  code: RowErrorCode;
  /** Spanish, for the admin. */
  message: string;
  /** The row's fields as read (each cut to the field cap so an error report stays small). */
  raw: string[];
}

export const ROW_FLAG_CODES = [
  "postal_code_padded",
  "postal_code_missing",
  "postal_province_conflict",
  "postal_code_unknown_prefix",
  "unknown_province",
  "duplicate_client",
  "duplicate_client_conflict",
  "duplicate_row",
  "family_label_mismatch",
  "formula_like_text",
  "empty_line",
  "sign_mismatch",
  "extra_empty_fields",
] as const;
export type RowFlagCode = (typeof ROW_FLAG_CODES)[number];

/** A warning on an accepted row: the row is kept, the admin is told. */
export interface RowFlag {
  code: RowFlagCode;
  column?: string;
  message: string;
}

export type RowResult<T> =
  | { ok: true; line: number; record: T; flags: RowFlag[] }
  | { ok: false; line: number; errors: RowError[] };

export interface ParseStats {
  /** Non-blank data rows read (accepted + flagged + rejected). */
  dataRows: number;
  /** Accepted without any flag. */
  accepted: number;
  /** Accepted with at least one flag. */
  flagged: number;
  rejected: number;
  /** Rows with every field empty (Excel leaves ",,,," rows at the end); skipped, not errors. */
  blankRows: number;
  errorsByCode: Partial<Record<RowErrorCode, number>>;
  flagsByCode: Partial<Record<RowFlagCode, number>>;
  /** True when the rest of the file could not be read (an unclosed quote swallowing it). */
  truncated: boolean;
}

export type FileErrorCode =
  | "empty_file"
  | "binary_file"
  | "header_too_long"
  | "unrecognised_header"
  | "wrong_table"
  | "duplicate_column"
  | "read_error";

export interface FileError {
  code: FileErrorCode;
  message: string;
}

/** A declared file-level failure met while reading rows (e.g. the byte source failed). */
export class ImportFileError extends Error {
  readonly code: FileErrorCode;
  constructor(code: FileErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ImportFileError";
    this.code = code;
  }
}
