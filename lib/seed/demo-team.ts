// The demo sales organisation: one admin, one manager per group of autonomous communities, and
// delegates whose territories cover every province. Printed by `npm start` and listed in the README.
export const DEMO_PASSWORD = "demo1234";

export const DEMO_ADMIN = { email: "admin@demo.sds", name: "Ana Admin" };

export const DEMO_MANAGERS = [
  { key: "noroeste", email: "gerente.noroeste@demo.sds", name: "Nuria Noroeste", regionCodes: ["03", "06", "07", "12"] },
  { key: "norte", email: "gerente.norte@demo.sds", name: "Iker Norte", regionCodes: ["02", "15", "16", "17"] },
  { key: "este", email: "gerente.este@demo.sds", name: "Elena Este", regionCodes: ["04", "09", "10", "14"] },
  { key: "centro", email: "gerente.centro@demo.sds", name: "Carlos Centro", regionCodes: ["08", "11", "13"] },
  { key: "sur", email: "gerente.sur@demo.sds", name: "Sara Sur", regionCodes: ["01", "05", "18", "19"] },
] as const;

export type ManagerKey = (typeof DEMO_MANAGERS)[number]["key"];

export const DEMO_DELEGATES: { email: string; name: string; manager: ManagerKey; provinceCodes: string[] }[] = [
  { email: "delegado.madrid@demo.sds", name: "Marta Madrid", manager: "centro", provinceCodes: ["28"] },
  { email: "delegado.castilla-mancha@demo.sds", name: "Luis Mancha", manager: "centro", provinceCodes: ["02", "13", "16", "19", "45", "06", "10"] },
  { email: "delegado.barcelona@demo.sds", name: "Jordi Barcelona", manager: "este", provinceCodes: ["08"] },
  { email: "delegado.cataluna-baleares@demo.sds", name: "Montse Girona", manager: "este", provinceCodes: ["17", "25", "43", "07"] },
  { email: "delegado.valencia@demo.sds", name: "Vicent Valencia", manager: "este", provinceCodes: ["46", "12"] },
  { email: "delegado.alicante-murcia@demo.sds", name: "Paula Levante", manager: "este", provinceCodes: ["03", "30"] },
  { email: "delegado.andalucia-occidental@demo.sds", name: "Rocío Sevilla", manager: "sur", provinceCodes: ["41", "11", "21", "14", "51"] },
  { email: "delegado.andalucia-oriental@demo.sds", name: "Antonio Málaga", manager: "sur", provinceCodes: ["29", "18", "04", "23", "52"] },
  { email: "delegado.canarias@demo.sds", name: "Yeray Canarias", manager: "sur", provinceCodes: ["35", "38"] },
  { email: "delegado.galicia@demo.sds", name: "Uxía Galicia", manager: "noroeste", provinceCodes: ["15", "27", "32", "36"] },
  { email: "delegado.cantabrico@demo.sds", name: "Pelayo Asturias", manager: "noroeste", provinceCodes: ["33", "39", "24"] },
  { email: "delegado.castilla-leon@demo.sds", name: "Teresa Castilla", manager: "noroeste", provinceCodes: ["05", "09", "34", "37", "40", "42", "47", "49"] },
  { email: "delegado.norte@demo.sds", name: "Ane Bilbao", manager: "norte", provinceCodes: ["01", "20", "48", "31", "26"] },
  { email: "delegado.aragon@demo.sds", name: "Jorge Zaragoza", manager: "norte", provinceCodes: ["22", "44", "50"] },
];
