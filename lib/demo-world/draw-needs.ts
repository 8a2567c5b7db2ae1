// A clinic's size and what it needs: chairs drive the true yearly need per category, and the
// potential the Potencial table reports comes in tiers (a per-chair amount times a size class, as in
// the customer's table, with invented amounts), sometimes 0 or under-reported.
import type { CategoryCode } from "@/lib/import/parse/types";
import type { Random } from "./random";

export const CHAIR_WEIGHTS = [0.2, 0.38, 0.22, 0.1, 0.05, 0.03, 0.01, 0.01]; // 1..8 chairs

// The C2 tier is a fixed fraction of C1's, as in the customer's table.
const C1_TIER_UNIT = 1_096.4;
const C1_TIER_FACTORS = [1.633, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const C2_OF_C1 = 0.489;
const T1_GRANULARITY = 46.3;

const cents = (value: number) => Math.round(value * 100) / 100;

export function drawNeeds(random: Random, chairs: number): Record<CategoryCode, number> {
  const c1 = chairs * 1_050 * random.logNormal(1, 0.2);
  const c2 = c1 * 0.5 * random.logNormal(1, 0.2);
  const implants = random.chance(0.55);
  const t1 = implants ? chairs * 2_600 * random.logNormal(1, 0.6) : 0;
  return { C1: c1, C2: c2, T1: t1 };
}

export function drawReportedPotential(random: Random, chairs: number, needs: Record<CategoryCode, number>): Record<CategoryCode, number> {
  const allZero = random.chance(0.034);
  const tierNoise = random.chance(0.25) ? random.pick([-1, 1]) : 0;
  const tier = Math.min(C1_TIER_FACTORS.length - 1, Math.max(0, chairs - 1 + tierNoise));
  const underReported = random.chance(0.08) ? random.uniform(0.3, 0.6) : 1;
  const smallT1 = random.chance(0.12) ? chairs * 900 * random.logNormal(1, 0.4) : 0;
  const t1Noise = random.logNormal(1, 0.3);
  if (allZero) return { C1: 0, C2: 0, T1: 0 };
  const c1 = cents(C1_TIER_UNIT * C1_TIER_FACTORS[tier] * underReported);
  const t1Raw = (needs.T1 > 0 ? needs.T1 * t1Noise : smallT1) * underReported;
  return { C1: c1, C2: cents(c1 * C2_OF_C1), T1: cents(Math.round(t1Raw / T1_GRANULARITY) * T1_GRANULARITY) };
}

