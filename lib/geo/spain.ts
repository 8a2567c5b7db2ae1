// Spain's provinces (INE codes = the first two digits of a postal code) and autonomous
// communities (INE codes, the ids used by es-atlas' TopoJSON so the map can join on them).
// Aliases hold the spellings found in the customer's Clientes export ("Sta.Cruz Tenerife", "Vizcaya"…).

export interface Region {
  code: string; // "01".."19"
  name: string;
}

export interface Province {
  code: string; // "01".."52"
  name: string;
  regionCode: string;
  aliases: string[];
}

export const REGIONS: readonly Region[] = [
  { code: "01", name: "Andalucía" },
  { code: "02", name: "Aragón" },
  { code: "03", name: "Principado de Asturias" },
  { code: "04", name: "Illes Balears" },
  { code: "05", name: "Canarias" },
  { code: "06", name: "Cantabria" },
  { code: "07", name: "Castilla y León" },
  { code: "08", name: "Castilla-La Mancha" },
  { code: "09", name: "Cataluña" },
  { code: "10", name: "Comunitat Valenciana" },
  { code: "11", name: "Extremadura" },
  { code: "12", name: "Galicia" },
  { code: "13", name: "Comunidad de Madrid" },
  { code: "14", name: "Región de Murcia" },
  { code: "15", name: "Comunidad Foral de Navarra" },
  { code: "16", name: "País Vasco" },
  { code: "17", name: "La Rioja" },
  { code: "18", name: "Ceuta" },
  { code: "19", name: "Melilla" },
];

export const PROVINCES: readonly Province[] = [
  { code: "01", name: "Álava", regionCode: "16", aliases: ["Araba", "Araba/Álava", "Alava"] },
  { code: "02", name: "Albacete", regionCode: "08", aliases: [] },
  { code: "03", name: "Alicante", regionCode: "10", aliases: ["Alacant"] },
  { code: "04", name: "Almería", regionCode: "01", aliases: ["Almeria"] },
  { code: "05", name: "Ávila", regionCode: "07", aliases: ["Avila"] },
  { code: "06", name: "Badajoz", regionCode: "11", aliases: [] },
  { code: "07", name: "Illes Balears", regionCode: "04", aliases: ["Baleares", "Islas Baleares"] },
  { code: "08", name: "Barcelona", regionCode: "09", aliases: [] },
  { code: "09", name: "Burgos", regionCode: "07", aliases: [] },
  { code: "10", name: "Cáceres", regionCode: "11", aliases: ["Caceres"] },
  { code: "11", name: "Cádiz", regionCode: "01", aliases: ["Cadiz"] },
  { code: "12", name: "Castellón", regionCode: "10", aliases: ["Castelló", "Castellon"] },
  { code: "13", name: "Ciudad Real", regionCode: "08", aliases: [] },
  { code: "14", name: "Córdoba", regionCode: "01", aliases: ["Cordoba"] },
  { code: "15", name: "A Coruña", regionCode: "12", aliases: ["La Coruña", "Coruña"] },
  { code: "16", name: "Cuenca", regionCode: "08", aliases: [] },
  { code: "17", name: "Girona", regionCode: "09", aliases: ["Gerona"] },
  { code: "18", name: "Granada", regionCode: "01", aliases: [] },
  { code: "19", name: "Guadalajara", regionCode: "08", aliases: [] },
  { code: "20", name: "Gipuzkoa", regionCode: "16", aliases: ["Gipúzkoa", "Guipúzcoa", "Guipuzcoa"] },
  { code: "21", name: "Huelva", regionCode: "01", aliases: [] },
  { code: "22", name: "Huesca", regionCode: "02", aliases: [] },
  { code: "23", name: "Jaén", regionCode: "01", aliases: ["Jaen"] },
  { code: "24", name: "León", regionCode: "07", aliases: ["Leon"] },
  { code: "25", name: "Lleida", regionCode: "09", aliases: ["Lérida", "Lerida"] },
  { code: "26", name: "La Rioja", regionCode: "17", aliases: ["Rioja"] },
  { code: "27", name: "Lugo", regionCode: "12", aliases: [] },
  { code: "28", name: "Madrid", regionCode: "13", aliases: [] },
  { code: "29", name: "Málaga", regionCode: "01", aliases: ["Malaga"] },
  { code: "30", name: "Murcia", regionCode: "14", aliases: [] },
  { code: "31", name: "Navarra", regionCode: "15", aliases: ["Nafarroa"] },
  { code: "32", name: "Ourense", regionCode: "12", aliases: ["Orense"] },
  { code: "33", name: "Asturias", regionCode: "03", aliases: [] },
  { code: "34", name: "Palencia", regionCode: "07", aliases: [] },
  { code: "35", name: "Las Palmas", regionCode: "05", aliases: ["Palmas"] },
  { code: "36", name: "Pontevedra", regionCode: "12", aliases: [] },
  { code: "37", name: "Salamanca", regionCode: "07", aliases: [] },
  { code: "38", name: "Santa Cruz de Tenerife", regionCode: "05", aliases: ["Sta.Cruz Tenerife", "Sta. Cruz Tenerife", "Tenerife"] },
  { code: "39", name: "Cantabria", regionCode: "06", aliases: [] },
  { code: "40", name: "Segovia", regionCode: "07", aliases: [] },
  { code: "41", name: "Sevilla", regionCode: "01", aliases: [] },
  { code: "42", name: "Soria", regionCode: "07", aliases: [] },
  { code: "43", name: "Tarragona", regionCode: "09", aliases: [] },
  { code: "44", name: "Teruel", regionCode: "02", aliases: [] },
  { code: "45", name: "Toledo", regionCode: "08", aliases: [] },
  { code: "46", name: "Valencia", regionCode: "10", aliases: ["València"] },
  { code: "47", name: "Valladolid", regionCode: "07", aliases: [] },
  { code: "48", name: "Bizkaia", regionCode: "16", aliases: ["Vizcaya"] },
  { code: "49", name: "Zamora", regionCode: "07", aliases: [] },
  { code: "50", name: "Zaragoza", regionCode: "02", aliases: [] },
  { code: "51", name: "Ceuta", regionCode: "18", aliases: [] },
  { code: "52", name: "Melilla", regionCode: "19", aliases: [] },
];

function normalizeName(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z]/gi, "").toLowerCase();
}

const byNormalizedName = new Map<string, Province>();
for (const province of PROVINCES) {
  for (const name of [province.name, ...province.aliases]) byNormalizedName.set(normalizeName(name), province);
}
const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
const regionByCode = new Map(REGIONS.map((r) => [r.code, r]));

/** The province a Spanish name (any listed spelling, accents and punctuation ignored) refers to. */
export function provinceByName(name: string): Province | undefined {
  return byNormalizedName.get(normalizeName(name));
}

export function provinceByCode(code: string): Province | undefined {
  return byCode.get(code);
}

/** The province of a Spanish 5-digit postal code (its first two digits), or undefined. */
export function provinceOfPostalCode(postalCode: string): Province | undefined {
  if (!/^\d{5}$/.test(postalCode)) return undefined;
  return byCode.get(postalCode.slice(0, 2));
}

export function regionByCodeOrThrow(code: string): Region {
  const region = regionByCode.get(code);
  if (!region) throw new Error(`Unknown autonomous community code ${code}`);
  return region;
}
