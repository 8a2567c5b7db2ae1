// A Ventas line: invoice, date, client, product, units, value; classified and keyed.
import { classifySalesLine } from "./classify-sales-line";
import { parseDate } from "./parse-date";
import { parseId } from "./parse-id";
import { parseMoneyCents, parseUnits } from "./parse-number";
import type { RowChecker } from "./row-checker";
import { createSalesLineKeyer } from "./sales-line-key";
import type { SalesLine } from "./types";

export function createSalesValidator(options: { maxDate: string; keyWindowLines?: number }): (c: RowChecker) => SalesLine | undefined {
  const keyLine = createSalesLineKeyer(options.keyWindowLines);
  return (c) => {
    const invoiceNumber = c.take("invoice", parseId(c.value("invoice"), c.name("invoice"), 20));
    const date = c.take("date", parseDate(c.value("date"), c.name("date"), c.format, options.maxDate));
    const clientId = c.take("client", parseId(c.value("client"), c.name("client")));
    const productId = c.take("product", parseId(c.value("product"), c.name("product")));
    const units = c.take("units", parseUnits(c.value("units"), c.name("units"), c.format));
    const valueCents = c.take("value", parseMoneyCents(c.value("value"), c.name("value"), c.format));
    if (c.rejected || invoiceNumber === undefined || date === undefined || clientId === undefined || productId === undefined || units === undefined || valueCents === undefined) {
      return undefined;
    }
    const kind = classifySalesLine({ units, valueCents });
    if (kind === "empty") c.flag("empty_line", "Línea con 0 unidades y valor 0: se guarda, pero no cuenta como demanda");
    if ((units > 0 && valueCents < 0) || (units < 0 && valueCents > 0)) {
      c.flag("sign_mismatch", `Unidades (${units}) y valor tienen signos distintos: se trata como devolución`);
    }
    const identity = { invoiceNumber, date, clientId, productId, units, valueCents };
    // Spelled out: V8 copies this shape by spread several times slower, and it runs per line.
    return { invoiceNumber, date, clientId, productId, units, valueCents, kind, key: keyLine(identity) };
  };
}
