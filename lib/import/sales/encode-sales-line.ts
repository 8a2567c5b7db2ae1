// One resolved sales line as a line of COPY text for the columns in SALES_LINE_COLUMNS. Every part
// is known to need no escaping (hex, digits, ISO dates, enum names, or text escaped once when the
// references were read), so a line is one string concatenation.
import type { SalesLine, SalesLineKind } from "@/lib/import/parse";
import type { ClientRef, ProductRef } from "./sales-references";

export const SALES_LINE_COLUMNS =
  "line_key, invoice_number, date, client_id, product_id, family_code, units, value, kind, in_campaign, client_unregistered, import_id";

const KIND: Record<SalesLineKind, string> = {
  purchase: "\tPURCHASE\t",
  return: "\tRETURN\t",
  zero_value_replacement: "\tZERO_VALUE_REPLACEMENT\t",
  price_correction: "\tPRICE_CORRECTION\t",
  empty: "\tEMPTY\t",
};

/** Integer hundredths → exact decimal text ("-141.93"). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const rest = abs % 100;
  return `${sign}${Math.floor(abs / 100)}.${rest < 10 ? "0" : ""}${rest}`;
}

/**
 * `importTail` is "\t<import id>\n". The key is the first 128 bits of the line's SHA-1 (40 hex
 * digits), which PostgreSQL reads as a uuid without hyphens.
 */
export function encodeSalesLine(r: SalesLine, product: ProductRef, client: ClientRef, inCampaign: boolean, importTail: string): string {
  return (
    r.key.slice(0, 32) + "\t" + r.invoiceNumber + "\t" + r.date + "\t" + client.copyText + product.copyText +
    r.units + "\t" + centsToDecimal(r.valueCents) + KIND[r.kind] + (inCampaign ? "t\t" : "f\t") +
    (client.registered ? "f" : "t") + importTail
  );
}
