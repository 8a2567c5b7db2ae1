// How a buying client behaves in each family it buys: which families, its segment, share of wallet,
// cadence, regularity, campaign sensitivity, usual SKUs, and when (if ever) it deteriorates and churns.
import type { FamilyCode } from "@/lib/import/parse/types";
import {
  CAMPAIGN_SENSITIVITY,
  COMMODITY_SEGMENT_MIX,
  DETERIORATION_DAYS,
  DETERIORATION_PROBABILITY,
  EXTRA_LINE_CHANCE,
  FAMILY_CHURN_PROBABILITY,
  FAMILY_RATE_MULTIPLIER,
  LAST_CHURN,
  ORDERS_PER_YEAR,
  PARTICIPATION,
  PORTFOLIO_SIZE,
  REGULARITY,
  SHARE_OF_WALLET,
  SYSTEMATIC_SHARE,
} from "./calibration";
import { dayFromIso, type Day } from "./calendar";
import { FAMILIES, SKUS_BY_FAMILY, type Sku } from "./catalogue";
import { deriveSeed, Random } from "./random";
import type { CommoditySegment, DemoClient, FamilyBehaviour, TechnicalPattern } from "./world-types";

const FAMILY_STREAM = 2;
const LAST_CHURN_DAY = dayFromIso(LAST_CHURN);

export function drawParticipation(random: Random): FamilyCode[] {
  for (;;) {
    const c1 = random.chance(PARTICIPATION.C1);
    const t1 = random.chance(PARTICIPATION.T1);
    const c2 = random.chance(c1 ? PARTICIPATION.C2GivenC1 : PARTICIPATION.C2WithoutC1);
    const t2 = random.chance(t1 ? PARTICIPATION.T2GivenT1 : PARTICIPATION.T2WithoutT1);
    const families = FAMILIES.filter((f) => ({ C1: c1, C2: c2, T1: t1, T2: t2 })[f]);
    if (families.length) return families;
  }
}

function drawSegment(random: Random, family: FamilyCode): CommoditySegment | TechnicalPattern {
  if (family === "C1" || family === "C2") {
    const mix = COMMODITY_SEGMENT_MIX[family];
    const segments = Object.keys(mix) as CommoditySegment[];
    return segments[random.weightedIndex(segments.map((s) => mix[s]))];
  }
  return random.chance(SYSTEMATIC_SHARE[family]) ? "systematic" : "occasional";
}

/** SKUs without replacement, weighted by popularity: the client's usual products, most used first. */
function drawPortfolio(random: Random, family: FamilyCode): Sku[] {
  const size = 1 + random.weightedIndex(PORTFOLIO_SIZE[family]);
  const pool = [...SKUS_BY_FAMILY[family]];
  const chosen: Sku[] = [];
  while (chosen.length < size && pool.length) {
    const index = random.weightedIndex(pool.map((s) => s.popularity));
    chosen.push(pool.splice(index, 1)[0]);
  }
  return chosen;
}

function familyNeed(client: Pick<DemoClient, "needs" | "chairs">, family: FamilyCode, random: Random): number {
  const technicalNeed = client.needs.T1 > 0 ? client.needs.T1 : client.chairs * 600 * random.logNormal(1, 0.5);
  switch (family) {
    case "C1": return client.needs.C1;
    case "C2": return client.needs.C2;
    case "T1": return technicalNeed * 0.68;
    case "T2": return technicalNeed * 0.32;
  }
}

export function drawBehaviour(seed: number, client: DemoClient, family: FamilyCode, familyIndex: number, opensAccount: boolean): FamilyBehaviour {
  const random = new Random(deriveSeed(seed, FAMILY_STREAM, client.index, familyIndex));
  const segment = drawSegment(random, family);
  const [sowMin, sowMax] = SHARE_OF_WALLET[segment];
  const shareOfWallet = random.uniform(sowMin, sowMax);
  const { median, sigma } = ORDERS_PER_YEAR[family];
  const ordersPerYear = Math.min(26, Math.max(0.2, random.logNormal(median[segment]!, sigma) * FAMILY_RATE_MULTIPLIER[family]));
  const regularity = random.uniform(...REGULARITY[segment]);
  const campaignSensitivity = random.uniform(...CAMPAIGN_SENSITIVITY[segment]);
  const portfolio = drawPortfolio(random, family);
  const extraLineChance = EXTRA_LINE_CHANCE[family];
  const expectedLines = 1 + (portfolio.length - 1) * extraLineChance;
  const need = familyNeed(client, family, random);
  // A client that orders rarely does not stock a year and a half at once: one order covers at most
  // ~5 months of need (its realised share of wallet is then below the drawn one, which stays the truth).
  const lineValue = Math.min(shareOfWallet * need / ordersPerYear, 0.4 * need) / expectedLines;
  const meanGap = 365 / ordersPerYear;
  // An existing client is somewhere in its cycle on day one; a new one opens its account with an order.
  const phase = random.int(0, Math.round(Math.min(meanGap, 400)));
  let firstOrder = opensAccount ? client.joined : client.joined + phase;
  const familyChurns = random.chance(FAMILY_CHURN_PROBABILITY);
  const familyChurn = random.int(firstOrder + 60, LAST_CHURN_DAY);
  const deteriorates = random.chance(DETERIORATION_PROBABILITY);
  const deteriorationLength = random.int(...DETERIORATION_DAYS);
  let churn: Day | null = null;
  let churnCause: FamilyBehaviour["churnCause"] = null;
  if (familyChurns) [churn, churnCause] = [familyChurn, "family"];
  if (client.churn !== null && (churn === null || client.churn < churn)) [churn, churnCause] = [client.churn, "client"];
  if (churn !== null && firstOrder >= churn - 30) firstOrder = Math.max(client.joined, churn - 30 - random.int(0, 60));
  let deteriorationStart: Day | null = null;
  if (churn !== null && deteriorates && churn - deteriorationLength > firstOrder + 30) deteriorationStart = churn - deteriorationLength;
  return {
    family,
    segment,
    shareOfWallet,
    ordersPerYear,
    regularity,
    campaignSensitivity,
    portfolio,
    extraLineChance,
    lineValue,
    firstOrder,
    churn,
    churnCause,
    deteriorationStart,
  };
}

