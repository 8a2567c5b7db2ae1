import iconv from "iconv-lite";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { openTableStream, type OpenTableResult, type ParseOptions } from "./parse-table-stream";
import { readAllRows } from "./read-all-rows";
import { ImportFileError, ROW_ERROR_CODES, type RowError, type RowResult, type SalesLine } from "./types";

const MAX_DATE = "2026-12-31";

async function open(content: string | Buffer, options: ParseOptions = {}): Promise<OpenTableResult> {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return openTableStream(Readable.from([bytes]), { maxDate: MAX_DATE, ...options });
}

async function rowsOf(content: string | Buffer, options: ParseOptions = {}) {
  const opened = await open(content, options);
  if (!opened.ok) throw new Error(`file error: ${opened.error.message}`);
  const { rows, stats } = await readAllRows(opened);
  return { opened, rows: rows as RowResult<unknown>[], stats };
}

function records<T>(rows: RowResult<unknown>[]): T[] {
  return rows.filter((r) => r.ok).map((r) => (r as { record: T }).record);
}

const VENTAS_ORIGINAL = [
  "Num.Fact,Fecha,Id. Cliente,Id. Producto,Unidades,Valores_H",
  '3910000001,1/4/2024,90001,701,4,"284,67"',
  '3810000002,1/3/2024,90002,702,-1,"-141,93"',
  '3910000003,5/16/2024,90003,704,12,"0,00"',
  '3830000004,6/10/2022,90004,704,0,"605,71"',
  '3830000005,1/31/2021,90005,704,0,"0,00"',
  '3910000006,1/9/2024,90006,703,5,"1.427,63"',
].join("\n");

const VENTAS_CANONICAL = [
  "num_fact,fecha,id_cliente,id_producto,unidades,valores_h",
  "3910000001,2024-01-04,90001,701,4,284.67",
  "3810000002,2024-01-03,90002,702,-1,-141.93",
  "3910000003,2024-05-16,90003,704,12,0.00",
  "3830000004,2022-06-10,90004,704,0,605.71",
  "3830000005,2021-01-31,90005,704,0,0",
  "3910000006,2024-01-09,90006,703,5,1427.63",
].join("\n");

describe("Ventas", () => {
  it("reads the original format into typed, classified, keyed lines", async () => {
    const { opened, rows, stats } = await rowsOf(VENTAS_ORIGINAL);
    expect(opened).toMatchObject({ table: "ventas", format: "original", encoding: "utf-8", delimiter: "," });
    const lines = records<SalesLine>(rows);
    expect(lines.map((l) => [l.date, l.units, l.valueCents, l.kind])).toEqual([
      ["2024-01-04", 4, 28467, "purchase"],
      ["2024-01-03", -1, -14193, "return"],
      ["2024-05-16", 12, 0, "zero_value_replacement"],
      ["2022-06-10", 0, 60571, "price_correction"],
      ["2021-01-31", 0, 0, "empty"],
      ["2024-01-09", 5, 142763, "purchase"],
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    const empty = rows[4];
    expect(empty.ok && empty.flags.map((f) => f.code)).toEqual(["empty_line"]);
    expect(stats).toMatchObject({ dataRows: 6, accepted: 5, flagged: 1, rejected: 0 });
  });

  it("gives the canonical copy of the same lines the same keys", async () => {
    const original = records<SalesLine>((await rowsOf(VENTAS_ORIGINAL)).rows);
    const { opened, rows } = await rowsOf(VENTAS_CANONICAL);
    expect(opened).toMatchObject({ table: "ventas", format: "canonical" });
    expect(records<SalesLine>(rows).map((l) => l.key)).toEqual(original.map((l) => l.key));
  });

  it("keys exact repeats within an invoice apart, and identically on re-upload", async () => {
    const file = `${VENTAS_ORIGINAL}\n3910000001,1/4/2024,90001,701,4,"284,67"\n`;
    const first = records<SalesLine>((await rowsOf(file)).rows).map((l) => l.key);
    const again = records<SalesLine>((await rowsOf(file)).rows).map((l) => l.key);
    expect(new Set(first).size).toBe(7);
    expect(again).toEqual(first);
  });
});

describe("Clientes", () => {
  const original = [
    "Id. Cliente,,Provincia",
    "90001,01001,Álava",
    "90002,1002,Álava", // Excel dropped the leading zero
    "90003,0,Andorra",
    "90004,11540,Sevilla", // postal code of Cádiz
    "90001,01001,Álava", // exact duplicate
    "90005,28001,Madrid",
    "90005,28002,Madrid", // same id, another postal code
  ].join("\n");

  it("reads postal codes and provinces, flagging what needs a look", async () => {
    const { opened, rows, stats } = await rowsOf(original);
    expect(opened).toMatchObject({ table: "clientes", format: "original" });
    expect(rows.every((r) => r.ok)).toBe(true);
    expect(records(rows)[1]).toEqual({ clientId: "90002", postalCode: "01002", provinceName: "Álava", provinceCode: "01" });
    expect(records(rows)[2]).toEqual({ clientId: "90003", postalCode: null, provinceName: "Andorra", provinceCode: null });
    expect(rows.map((r) => (r.ok ? r.flags.map((f) => f.code) : []))).toEqual([
      [],
      ["postal_code_padded"],
      ["postal_code_missing", "unknown_province"],
      ["postal_province_conflict"],
      ["duplicate_client"],
      [],
      ["duplicate_client_conflict"],
    ]);
    expect(stats).toMatchObject({ dataRows: 7, accepted: 2, flagged: 5, rejected: 0 });
  });

  it("reads the canonical copy", async () => {
    const { opened, rows } = await rowsOf("id_cliente,codigo_postal,provincia\n90001,08001,Barcelona\n");
    expect(opened).toMatchObject({ table: "clientes", format: "canonical" });
    expect(records(rows)).toEqual([{ clientId: "90001", postalCode: "08001", provinceName: "Barcelona", provinceCode: "08" }]);
  });
});

describe("Productos, Potencial, Campañas", () => {
  it("reads products in both formats", async () => {
    const original = await rowsOf("Id.Prod,Bloque analítico,Categoria_H,Familia_H\n701,Commodities,Categoria C1,Familia C1\n801,Productos Técnicos,Categoria T1,Familia T2\n");
    expect(records(original.rows)).toEqual([
      { productId: "701", block: "commodities", category: "C1", family: "C1" },
      { productId: "801", block: "technical", category: "T1", family: "T2" },
    ]);
    const canonical = await rowsOf("id_producto,bloque_analitico,categoria_h,familia_h\n702,Commodities,Categoria C2,Familia C2\n");
    expect(canonical.opened).toMatchObject({ table: "productos", format: "canonical" });
    expect(records(canonical.rows)).toEqual([{ productId: "702", block: "commodities", category: "C2", family: "C2" }]);
  });

  it("reads potentials in both formats and flags a mislabelled family", async () => {
    const original = await rowsOf('Id.Cliente,Familia,Categoria Productos,Potencial_H\n90001,Anestesia,Categoria C1,"2.100,50"\n90001,Anestesia,Categoria C2,"0,00"\n');
    expect(records(original.rows)).toEqual([
      { clientId: "90001", category: "C1", familyLabel: "Anestesia", potentialCents: 210050 },
      { clientId: "90001", category: "C2", familyLabel: "Anestesia", potentialCents: 0 },
    ]);
    const second = original.rows[1];
    expect(second.ok && second.flags.map((f) => f.code)).toEqual(["family_label_mismatch"]);
    const canonical = await rowsOf("id_cliente,familia_comercial,categoria_h,potencial_h\n90001,Biomateriales,Categoria T1,5100.0\n");
    expect(records(canonical.rows)).toEqual([{ clientId: "90001", category: "T1", familyLabel: "Biomateriales", potentialCents: 510000 }]);
  });

  it("reads campaigns in both formats", async () => {
    const original = await rowsOf("Campaña,Fecha inicio,Fecha fin\n2024_1,3/4/2024,3/16/2024");
    expect(records(original.rows)).toEqual([{ name: "2024_1", startDate: "2024-03-04", endDate: "2024-03-16" }]);
    const canonical = await rowsOf("campana,fecha_inicio,fecha_fin\n2024_1,2024-03-04,2024-03-16\n");
    expect(canonical.opened).toMatchObject({ table: "campanas", format: "canonical" });
    expect(records(canonical.rows)).toEqual(records(original.rows));
  });
});

describe("what Excel does to a CSV", () => {
  it("reads a UTF-8 BOM", async () => {
    const { opened, rows } = await rowsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Id. Cliente,,Provincia\n90001,01001,Álava\n")]));
    expect(opened).toMatchObject({ table: "clientes", encoding: "utf-8", bom: true });
    expect(records(rows)).toHaveLength(1);
  });

  it("reads Windows-1252 bytes (Álava, Campaña)", async () => {
    const clientes = await rowsOf(iconv.encode("Id. Cliente,,Provincia\n90001,01001,Álava\n90002,29001,Málaga\n", "windows-1252"));
    expect(clientes.opened).toMatchObject({ encoding: "windows-1252" });
    expect(records<{ provinceName: string; provinceCode: string }>(clientes.rows).map((c) => [c.provinceName, c.provinceCode])).toEqual([
      ["Álava", "01"],
      ["Málaga", "29"],
    ]);
    const campanas = await rowsOf(iconv.encode("Campaña,Fecha inicio,Fecha fin\nOtoño,9/12/2023,9/15/2023\n", "windows-1252"));
    expect(campanas.opened).toMatchObject({ table: "campanas", encoding: "windows-1252" });
    expect(records(campanas.rows)).toEqual([{ name: "Otoño", startDate: "2023-09-12", endDate: "2023-09-15" }]);
  });

  it("reads ';' separated files with unquoted European numbers", async () => {
    const { opened, rows } = await rowsOf("Num.Fact;Fecha;Id. Cliente;Id. Producto;Unidades;Valores_H\n3910000001;1/4/2024;90001;701;4;284,67\n");
    expect(opened).toMatchObject({ delimiter: ";", table: "ventas" });
    expect(records<SalesLine>(rows)[0]).toMatchObject({ valueCents: 28467, units: 4 });
  });

  it("reads tab separated files", async () => {
    const { opened, rows } = await rowsOf("Campaña\tFecha inicio\tFecha fin\n2024_1\t3/4/2024\t3/16/2024\n");
    expect(opened).toMatchObject({ delimiter: "\t", table: "campanas" });
    expect(records(rows)).toHaveLength(1);
  });

  it("honours an Excel 'sep=' first line", async () => {
    const { opened, rows } = await rowsOf("sep=;\nCampaña;Fecha inicio;Fecha fin\n2024_1;3/4/2024;3/16/2024\n");
    expect(opened).toMatchObject({ delimiter: ";", headerLine: 2 });
    expect(rows.map((r) => r.line)).toEqual([3]);
  });

  it("reads CRLF line ends and counts physical lines, multi-line fields included", async () => {
    const text = 'Campaña,Fecha inicio,Fecha fin\r\n"Primavera\r\nprofesional",3/4/2024,3/16/2024\r\n2024_2,6/7/2024,6/9/2024\r\n';
    const { rows } = await rowsOf(text);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(records<{ name: string }>(rows)[0].name).toBe("Primavera\r\nprofesional");
  });

  it("skips trailing empty rows, blank or made of separators, without counting them as errors", async () => {
    const { rows, stats } = await rowsOf("Campaña,Fecha inicio,Fecha fin\r\n2024_1,3/4/2024,3/16/2024\r\n,,\r\n\r\n  ,  ,\r\n");
    expect(rows).toHaveLength(1);
    expect(stats).toMatchObject({ dataRows: 1, accepted: 1, rejected: 0, blankRows: 3 });
  });

  it("ignores extra empty cells at the end of rows, with a flag", async () => {
    const { rows } = await rowsOf("Campaña,Fecha inicio,Fecha fin\n2024_1,3/4/2024,3/16/2024,,\n");
    expect(rows[0].ok && rows[0].flags.map((f) => f.code)).toEqual(["extra_empty_fields"]);
  });

  it("keeps formula-looking text, flagged, but rejects it where a number is expected", async () => {
    const { rows } = await rowsOf('Campaña,Fecha inicio,Fecha fin\n"=HYPERLINK(""x"")",3/4/2024,3/16/2024\n');
    expect(rows[0].ok && rows[0].flags.map((f) => f.code)).toEqual(["formula_like_text"]);
    const ventas = await rowsOf("Num.Fact,Fecha,Id. Cliente,Id. Producto,Unidades,Valores_H\n3910000001,1/4/2024,=cmd|' /C calc'!A0,701,4,1\n");
    expect(ventas.rows[0]).toMatchObject({ ok: false, errors: [{ code: "formula_like", column: "Id. Cliente" }] });
  });
});

// One row per error code; the test below fails when a code is added without a case here.
const H = {
  ventas: "Num.Fact,Fecha,Id. Cliente,Id. Producto,Unidades,Valores_H",
  clientes: "Id. Cliente,,Provincia",
  productos: "Id.Prod,Bloque analítico,Categoria_H,Familia_H",
  potencial: "Id.Cliente,Familia,Categoria Productos,Potencial_H",
  campanas: "Campaña,Fecha inicio,Fecha fin",
};
const ERROR_CASES: Record<string, { file: string; column: string }> = {
  field_count: { file: `${H.ventas}\n3910000001,1/4/2024,90001,701,4\n`, column: "(fila)" },
  required: { file: `${H.ventas}\n3910000001,,90001,701,4,"1,00"\n`, column: "Fecha" },
  field_too_long: { file: `${H.campanas}\n${"x".repeat(1500)},3/4/2024,3/16/2024\n`, column: "Campaña" },
  control_characters: { file: `${H.campanas}\nab\u0001cd,3/4/2024,3/16/2024\n`, column: "Campaña" },
  invalid_encoding: { file: `${H.campanas}\nOto\ufffdo,3/4/2024,3/16/2024\n`, column: "Campaña" },
  formula_like: { file: `${H.ventas}\n3910000001,1/4/2024,90001,701,+4,"1,00"\n`, column: "Unidades" },
  invalid_id: { file: `${H.ventas}\n3910000001,1/4/2024,C-90001,701,4,"1,00"\n`, column: "Id. Cliente" },
  id_scientific_notation: { file: `${H.ventas}\n3910000001,1/4/2024,"1,00008E+09",701,4,"1,00"\n`, column: "Id. Cliente" },
  invalid_number: { file: `${H.ventas}\n3910000001,1/4/2024,90001,701,4,1.427.63\n`, column: "Valores_H" },
  not_integer: { file: `${H.ventas}\n3910000001,1/4/2024,90001,701,"2,5","1,00"\n`, column: "Unidades" },
  negative_value: { file: `${H.potencial}\n90001,Anestesia,Categoria C1,"-10,00"\n`, column: "Potencial_H" },
  number_out_of_range: { file: `${H.ventas}\n3910000001,1/4/2024,90001,701,9999999,"1,00"\n`, column: "Unidades" },
  invalid_date: { file: `${H.ventas}\n3910000001,13/45/2024,90001,701,4,"1,00"\n`, column: "Fecha" },
  date_out_of_range: { file: `${H.ventas}\n3910000001,1/4/1990,90001,701,4,"1,00"\n`, column: "Fecha" },
  invalid_postal_code: { file: `${H.clientes}\n90001,280,Madrid\n`, column: "Código postal (columna sin nombre)" },
  unknown_category: { file: `${H.potencial}\n90001,Anestesia,Categoria Z9,"1,00"\n`, column: "Categoria Productos" },
  unknown_family: { file: `${H.productos}\n701,Commodities,Categoria C1,Familia X\n`, column: "Familia_H" },
  unknown_block: { file: `${H.productos}\n701,Otros,Categoria C1,Familia C1\n`, column: "Bloque analítico" },
  inconsistent_classification: { file: `${H.productos}\n701,Commodities,Categoria C1,Familia T2\n`, column: "Familia_H" },
  campaign_end_before_start: { file: `${H.campanas}\n2024_1,3/16/2024,3/4/2024\n`, column: "Fecha fin" },
  malformed_csv: { file: `${H.campanas}\n2024_1,3/4/2024,3/16/2024\n"2024_2,6/7/2024,6/9/2024\n`, column: "(fila)" },
  record_too_large: { file: `${H.campanas}\n2024_1,"3/4/2024${",x\n".repeat(400_000)}`, column: "(fila)" },
};

describe("row errors", () => {
  it("has a case for every error code", () => {
    expect(Object.keys(ERROR_CASES).sort()).toEqual([...ROW_ERROR_CODES].sort());
  });

  it.each(Object.entries(ERROR_CASES))("%s: line, column, Spanish reason and raw fields", async (code, { file, column }) => {
    const { rows, stats } = await rowsOf(file);
    const rejected = rows.filter((r): r is { ok: false; line: number; errors: RowError[] } => !r.ok);
    expect(rejected.length).toBeGreaterThan(0);
    const error = rejected.flatMap((r) => r.errors).find((e) => e.code === code);
    expect(error, `no ${code} among ${JSON.stringify(rejected.map((r) => r.errors.map((e) => e.code)))}`).toBeDefined();
    expect(error!.line).toBeGreaterThanOrEqual(2);
    expect(error!.column).toBe(column);
    expect(error!.message.length).toBeGreaterThan(10);
    expect(Array.isArray(error!.raw)).toBe(true);
    expect(stats.accepted + stats.flagged + stats.rejected).toBe(stats.dataRows);
  });

  it("reports every problem of a row at once", async () => {
    const { rows } = await rowsOf(`${H.ventas}\n39A,2/30/2024,90001,701,x,"1,00"\n`);
    expect(rows[0]).toMatchObject({ ok: false, line: 2 });
    expect(!rows[0].ok && rows[0].errors.map((e) => e.code)).toEqual(["invalid_id", "invalid_date", "invalid_number"]);
  });

  it("keeps reading after a bad row, and numbers lines correctly after it", async () => {
    const { rows } = await rowsOf(`${H.campanas}\n2024_1,3/4/2024,x"y\n2024_2,6/7/2024,6/9/2024\n`);
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, false],
      [3, true],
    ]);
  });

  it("reports an unclosed quote at the line where it opens, with the rows before it intact", async () => {
    const { rows, stats } = await rowsOf(`${H.campanas}\n2024_1,3/4/2024,3/16/2024\n"2024_2,6/7/2024,6/9/2024\n2024_3,9/12/2024,9/15/2024\n`);
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(!rows[1].ok && rows[1].errors[0].message).toContain("comillas");
    expect(stats.rejected).toBe(1);
  });
});

describe("file errors", () => {
  it("refuses an empty file", async () => {
    expect(await open("")).toMatchObject({ ok: false, error: { code: "empty_file" } });
    expect(await open("\n\n  \n")).toMatchObject({ ok: false, error: { code: "empty_file" } });
  });

  it("refuses a spreadsheet uploaded instead of its CSV", async () => {
    const xlsx = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 0), Buffer.from("[Content_Types].xml")]);
    expect(await open(xlsx)).toMatchObject({ ok: false, error: { code: "binary_file" } });
  });

  it("lists the expected headers when the header is not recognised", async () => {
    const result = await open("Cliente,Cantidad\n1,2\n");
    expect(result).toMatchObject({ ok: false, error: { code: "unrecognised_header" } });
    if (!result.ok) {
      expect(result.error.message).toContain("Num.Fact,Fecha,Id. Cliente,Id. Producto,Unidades,Valores_H");
      expect(result.error.message).toContain("campana,fecha_inicio,fecha_fin");
    }
  });

  it("says which table the header resembles", async () => {
    const result = await open("Num.Fact,Fecha,Id. Cliente,Id. Producto,Cantidad,Valores_H\n");
    expect(!result.ok && result.error.message).toContain("Se parece a Ventas");
  });

  it("refuses a duplicated column and a file of another table than expected", async () => {
    expect(await open("Campaña,Fecha inicio,Fecha fin,Fecha fin\n")).toMatchObject({ ok: false, error: { code: "duplicate_column" } });
    expect(await open("Campaña,Fecha inicio,Fecha fin\n", { expectedTable: "ventas" })).toMatchObject({ ok: false, error: { code: "wrong_table" } });
  });

  it("refuses a first line that never ends", async () => {
    expect(await open("x".repeat(100_000))).toMatchObject({ ok: false, error: { code: "header_too_long" } });
  });

  it("declares a failing byte source as a file error, before or during the rows", async () => {
    const failing = (afterHeader: boolean) =>
      (async function* () {
        if (afterHeader) yield Buffer.from(`${H.campanas}\n2024_1,3/4/2024,3/16/2024\n${"2024_2,6/7/2024,6/9/2024\n".repeat(400)}`);
        throw new Error("disk unplugged");
      })();
    expect(await openTableStream(failing(false))).toMatchObject({ ok: false, error: { code: "read_error" } });
    const opened = await openTableStream(failing(true));
    expect(opened.ok).toBe(true);
    if (opened.ok) await expect(readAllRows(opened)).rejects.toBeInstanceOf(ImportFileError);
  });
});

describe("streaming", () => {
  it("reads the source only as fast as rows are consumed (bounded memory)", async () => {
    let pulled = 0;
    const chunk = Buffer.from('3910000001,1/4/2024,90001,701,4,"284,67"\n'.repeat(1000)); // ~40 KB
    const source = (async function* () {
      yield Buffer.from(`${H.ventas}\n`);
      for (let i = 0; i < 2000; i++) {
        pulled++;
        yield chunk; // 80 MB in all if read to the end
      }
    })();
    const opened = await openTableStream(source, { maxDate: MAX_DATE });
    if (!opened.ok) throw new Error(opened.error.message);
    let seen = 0;
    for await (const row of opened.rows) {
      expect(row.ok).toBe(true);
      if (++seen === 5000) break;
    }
    expect(pulled).toBeLessThan(40); // a few chunks ahead of the consumer, not 2,000
  });
});
