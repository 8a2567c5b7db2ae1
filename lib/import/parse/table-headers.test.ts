import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./table-headers";

const recognise = (line: string) => recogniseHeader(line.split(","));

describe("recogniseHeader", () => {
  it.each([
    ["Num.Fact,Fecha,Id. Cliente,Id. Producto,Unidades,Valores_H", "ventas", "original"],
    ["num_fact,fecha,id_cliente,id_producto,unidades,valores_h", "ventas", "canonical"],
    ["Id. Cliente,,Provincia", "clientes", "original"],
    ["id_cliente,codigo_postal,provincia", "clientes", "canonical"],
    ["Id.Prod,Bloque analítico,Categoria_H,Familia_H", "productos", "original"],
    ["id_producto,bloque_analitico,categoria_h,familia_h", "productos", "canonical"],
    ["Id.Cliente,Familia,Categoria Productos,Potencial_H", "potencial", "original"],
    ["id_cliente,familia_comercial,categoria_h,potencial_h", "potencial", "canonical"],
    ["Campaña,Fecha inicio,Fecha fin", "campanas", "original"],
    ["campana,fecha_inicio,fecha_fin", "campanas", "canonical"],
  ])("%s → %s (%s)", (line, table, format) => {
    expect(recognise(line)).toMatchObject({ ok: true, header: { table, format } });
  });

  it("tolerates case, accents, spacing and column order", () => {
    expect(recognise(" NUM.FACT , fecha,ID. CLIENTE,Id. Producto,unidades,VALORES_H")).toMatchObject({ ok: true, header: { table: "ventas", format: "original" } });
    expect(recognise("Id.Prod,Bloque analitico,Categoría_H,Familia_H")).toMatchObject({ ok: true, header: { table: "productos" } });
    const reordered = recognise("Provincia,Id. Cliente,");
    expect(reordered).toMatchObject({ ok: true, header: { table: "clientes", columnIndex: { province: 0, client: 1, postalCode: 2 } } });
  });

  it("ignores empty header cells after the last column", () => {
    expect(recognise("Campaña,Fecha inicio,Fecha fin,,")).toMatchObject({ ok: true, header: { table: "campanas", width: 5 } });
  });

  it("names the unnamed postal-code column in messages", () => {
    const match = recognise("Id. Cliente,,Provincia");
    expect(match.ok && match.header.columnNames[1]).toContain("Código postal");
  });

  it("reports the closest table, missing and unexpected columns", () => {
    expect(recognise("Num.Fact,Fecha,Id. Cliente,Id. Producto,Cantidad,Valores_H")).toMatchObject({
      ok: false,
      reason: "unknown",
      closest: { table: "ventas", missing: ["Unidades"], unexpected: ["Cantidad"] },
    });
    expect(recognise("foo,bar")).toEqual({ ok: false, reason: "unknown" });
  });

  it("reports a duplicated column", () => {
    expect(recognise("Campaña,Fecha inicio,Fecha fin,Fecha fin")).toMatchObject({ ok: false, reason: "duplicate", table: "campanas" });
  });
});
