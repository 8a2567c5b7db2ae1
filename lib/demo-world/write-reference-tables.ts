// Clientes, Productos, Potencial and Campañas in the customer's original layout, with the quirks the
// real export has: repeated client rows (some with another postal code), postal codes of a
// neighbouring province, a postal prefix that is no province, clients abroad with postal code "0",
// buying clients missing from Clientes, potentials of 0 or below what the client buys.
import path from "node:path";
import type { CategoryCode } from "@/lib/import/parse/types";
import type { World } from "./build-clients";
import { isoFromDay, usDateFromDay, type Day } from "./calendar";
import { CAMPAIGNS } from "./campaigns";
import { blockLabel, CATALOGUE } from "./catalogue";
import { europeanMoney, moneyToCents } from "./export-format";
import { anotherProvince, postalCodeIn } from "./geography";
import { deriveSeed, Random } from "./random";
import { writeLines } from "./text-file-writer";

const QUIRK_STREAM = 5;

export const FILE_NAMES = {
  ventas: "Ventas.csv",
  clientes: "Clientes.csv",
  productos: "Productos.csv",
  potencial: "Potencial.csv",
  campanas: "Campañas.csv",
} as const;

const COMMERCIAL_FAMILY: Record<CategoryCode, string> = { C1: "Anestesia", C2: "Bioseguridad", T1: "Biomateriales" };

export interface ClientesQuirks {
  rows: number;
  distinctIds: number;
  identicalDuplicates: number;
  conflictingDuplicates: number;
  postalProvinceConflicts: number;
  unknownPostalPrefixes: number;
  abroad: number;
}

interface ClientRowOut {
  id: string;
  postal: string;
  province: string;
}

function pickDistinct<T>(random: Random, items: T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length) chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0]);
  return chosen;
}

/** Clientes as of `until`: every registered client that had joined by then. */
export async function writeClientes(world: World, dir: string, until: Day): Promise<ClientesQuirks> {
  const random = new Random(deriveSeed(world.seed, QUIRK_STREAM));
  const registered = world.clients.filter((c) => c.registered && c.joined <= until);
  const rows: ClientRowOut[] = registered.map((c) => ({ id: c.id, postal: c.postalCode, province: c.provinceName }));
  const domestic = rows.filter((_, i) => registered[i].province !== null);
  const { counts } = world;
  const shuffled = pickDistinct(random, domestic, counts.postalProvinceConflicts + counts.unknownPostalPrefixes + counts.identicalDuplicateRows + counts.conflictingDuplicateRows);
  let at = 0;
  const take = (n: number) => shuffled.slice(at, (at += n));
  for (const row of take(counts.postalProvinceConflicts)) row.postal = postalCodeIn(anotherProvince(row.postal.slice(0, 2), random), random);
  // A mistyped first digit: 9x is no province.
  for (const row of take(counts.unknownPostalPrefixes)) row.postal = `9${row.postal.slice(1)}`;
  const duplicates = take(counts.identicalDuplicateRows).map((row) => ({ ...row }));
  const conflicting = take(counts.conflictingDuplicateRows).map((row) => ({ ...row, postal: anotherPostal(row.postal, random) }));
  const all = [...rows, ...duplicates, ...conflicting].sort((a, b) => (a.postal < b.postal ? -1 : a.postal > b.postal ? 1 : Number(a.id) - Number(b.id)));
  await writeLines(path.join(dir, FILE_NAMES.clientes), ["Id. Cliente,,Provincia", ...all.map((r) => `${r.id},${r.postal},${r.province}`)]);
  return {
    rows: all.length,
    distinctIds: rows.length,
    identicalDuplicates: duplicates.length,
    conflictingDuplicates: conflicting.length,
    postalProvinceConflicts: counts.postalProvinceConflicts,
    unknownPostalPrefixes: counts.unknownPostalPrefixes,
    abroad: registered.filter((c) => c.province === null).length,
  };
}

function anotherPostal(postal: string, random: Random): string {
  let other = postal;
  while (other === postal) other = postalCodeIn(postal.slice(0, 2), random);
  return other;
}

export async function writeProductos(dir: string): Promise<void> {
  await writeLines(path.join(dir, FILE_NAMES.productos), [
    "Id.Prod,Bloque analítico,Categoria_H,Familia_H",
    ...CATALOGUE.map((s) => `${s.id},${blockLabel(s.family)},Categoria ${s.category},Familia ${s.family}`),
  ]);
}

/** Potencial as of `until`: three rows per client, by category then id, potentials quoted. */
export async function writePotencial(world: World, dir: string, until: Day): Promise<{ rows: number; zeros: number }> {
  const entries = [
    ...world.clients.filter((c) => c.inPotencial && c.joined <= until).map((c) => ({ id: c.id, potential: c.reportedPotential })),
    ...world.potencialGhosts,
  ].sort((a, b) => Number(a.id) - Number(b.id));
  const lines = ["Id.Cliente,Familia,Categoria Productos,Potencial_H"];
  let zeros = 0;
  for (const category of ["C1", "C2", "T1"] as const) {
    for (const { id, potential } of entries) {
      const cents = moneyToCents(potential[category]);
      if (cents === 0) zeros++;
      lines.push(`${id},${COMMERCIAL_FAMILY[category]},Categoria ${category},${europeanMoney(cents)}`);
    }
  }
  await writeLines(path.join(dir, FILE_NAMES.potencial), lines);
  return { rows: lines.length - 1, zeros };
}

/** Campaign windows that overlap the generated period. */
export async function writeCampanas(dir: string, from: Day, until: Day): Promise<string[]> {
  const inPeriod = CAMPAIGNS.filter((c) => c.start <= until && c.end >= from);
  await writeLines(path.join(dir, FILE_NAMES.campanas), ["Campaña,Fecha inicio,Fecha fin", ...inPeriod.map((c) => `${c.name},${usDateFromDay(c.start)},${usDateFromDay(c.end)}`)]);
  return inPeriod.map((c) => `${c.name} ${isoFromDay(c.start)}→${isoFromDay(c.end)}`);
}
