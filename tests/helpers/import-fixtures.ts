// Small CSV files in the customer's original export format, built in code for importer tests.
import { Readable } from "node:stream";
import type { ImportSource } from "../../lib/import/import-sources";

export function csvSource(fileName: string, text: string, encoding: BufferEncoding = "utf8"): ImportSource {
  const bytes = Buffer.from(text, encoding);
  return { fileName, size: bytes.length, open: () => Readable.from([bytes]) };
}

export const PRODUCTOS = [
  "Id.Prod,Bloque analítico,Categoria_H,Familia_H",
  "9001,Commodities,Categoria C1,Familia C1",
  "9002,Commodities,Categoria C2,Familia C2",
  "9003,Productos Técnicos,Categoria T1,Familia T1",
].join("\r\n");

export const CLIENTES = ["Id. Cliente,,Provincia", "501,28001,Madrid", "502,08001,Barcelona"].join("\r\n");

export const CAMPANAS = ["Campaña,Fecha inicio,Fecha fin", "2024_1,3/10/2024,3/20/2024"].join("\r\n");

export const VENTAS_HEADER = "Num.Fact,Fecha,Id. Cliente,Id. Producto,Unidades,Valores_H";

/** One line per kind the importer must tell apart, plus lines it must reject. */
export const VENTAS_MIXED = [
  VENTAS_HEADER,
  '3910000001,1/4/2024,501,9001,4,"284,67"', // 2 purchase
  '3910000001,1/4/2024,501,9002,1,"1.114,67"', // 3 purchase, thousands separator
  '3810000002,1/9/2024,501,9001,-1,"-71,17"', // 4 return
  '3910000003,2/2/2024,502,9003,2,"0,00"', // 5 zero-value replacement
  '3910000004,2/3/2024,502,9003,0,"12,50"', // 6 price correction
  '3910000005,3/15/2024,502,9001,3,"210,00"', // 7 purchase inside the campaign
  '3910000006,3/16/2024,777,9001,1,"70,00"', // 8 client missing from Clientes: kept, flagged
  '3910000007,3/17/2024,501,9999,1,"70,00"', // 9 unknown product: rejected by the merge
  '3910000008,2/30/2024,501,9001,1,"70,00"', // 10 impossible date: rejected by the parser
  '3910000009,3/18/2024,501,9001,1,"=cmd|calc"', // 11 formula instead of a number: rejected
  "",
].join("\r\n");
