// Where the demo clinics are: provinces weighted by population (INE, 2023, thousands, rounded; dental
// clinics follow people), province names spelled the way the customer's export spells them, and
// postal codes made of the province prefix plus three digits.
import { PROVINCES } from "@/lib/geo/spain";
import type { Random } from "./random";

const POPULATION_THOUSANDS: Record<string, number> = {
  "01": 335, "02": 386, "03": 1940, "04": 740, "05": 159, "06": 667, "07": 1210, "08": 5800, "09": 357,
  "10": 389, "11": 1250, "12": 595, "13": 492, "14": 773, "15": 1120, "16": 196, "17": 790, "18": 925,
  "19": 270, "20": 727, "21": 527, "22": 225, "23": 623, "24": 451, "25": 440, "26": 320, "27": 326,
  "28": 6870, "29": 1720, "30": 1550, "31": 665, "32": 305, "33": 1010, "34": 160, "35": 1130, "36": 945,
  "37": 328, "38": 1050, "39": 585, "40": 155, "41": 1950, "42": 89, "43": 830, "44": 135, "45": 710,
  "46": 2620, "47": 520, "48": 1150, "49": 167, "50": 975, "51": 83, "52": 85,
};

// The export's own spellings (see the aliases in lib/geo/spain.ts).
const EXPORT_SPELLING: Record<string, string> = {
  "07": "Baleares",
  "20": "Gipúzkoa",
  "32": "Orense",
  "38": "Sta.Cruz Tenerife",
  "48": "Vizcaya",
};

export const PROVINCE_CODES = PROVINCES.map((p) => p.code);
const WEIGHTS = PROVINCE_CODES.map((code) => POPULATION_THOUSANDS[code] ?? 100);

export function exportProvinceName(code: string): string {
  return EXPORT_SPELLING[code] ?? PROVINCES.find((p) => p.code === code)!.name;
}

export function pickProvince(random: Random): string {
  return PROVINCE_CODES[random.weightedIndex(WEIGHTS)];
}

/** Half the clinics in the capital's codes (xx001–xx080), half in towns (xx100–xx999). */
export function postalCodeIn(province: string, random: Random): string {
  const suffix = random.chance(0.5) ? random.int(1, 80) : random.int(10, 99) * 10 + random.int(0, 9);
  return `${province}${String(suffix).padStart(3, "0")}`;
}

/** A province other than `code` (by population), for the rare row whose postal code and province disagree. */
export function anotherProvince(code: string, random: Random): string {
  let other = code;
  while (other === code) other = pickProvince(random);
  return other;
}
