// Every number that shapes the demo world, in one place. The counts reproduce DATA.md's figures for
// the real sales table at scale 1; the behavioural parameters were tuned (by generating and
// measuring, see generate-demo-world.test.ts) so lines and buying clients per family land on
// DATA.md's C1 76,828 / 5,913 · T1 44,158 / 4,033 · C2 22,528 / 2,557 · T2 19,032 / 2,544, and the
// segment mix and purchase rhythms on what ../shared/data/inibsa/derived reports.
import type { FamilyCode } from "@/lib/import/parse/types";
import type { CommoditySegment, TechnicalPattern } from "./world-types";

export const WORLD_START = "2021-01-04";
export const DEFAULT_UNTIL = "2025-12-31";
/** Churn dates are drawn up to here, beyond the data, so "churned within 90 days" has answers. */
export const LAST_CHURN = "2026-12-31";

/** Population at scale 1 (multiplied by --scale). */
export const COUNTS = {
  registeredBuyers: 8_061,
  unregisteredBuyers: 34, // buy, but are missing from Clientes (DATA.md: 34 clients, 611 lines)
  prospects: 2_933, // in Clientes and Potencial, never buy from us (10,994 distinct registered ids)
  foreign: 13, // Andorra: not a Spanish province, postal code "0"
  identicalDuplicateRows: 30,
  conflictingDuplicateRows: 7, // same id again with another postal code
  postalProvinceConflicts: 15,
  unknownPostalPrefixes: 1,
  missingFromPotencial: 6,
  potencialOnlyGhosts: 9, // ids in Potencial only (with the unregistered buyers: 43)
};

export const NEW_CLIENT_SHARE = 0.15;
export const LEGACY_SHORT_ID_SHARE = 0.45;

/** Family participation of a buyer (resampled when none), solved so that the shares of buyers
 * per family match DATA.md: C1 73 %, T1 50 %, C2 32 %, T2 31 %. */
export const PARTICIPATION = {
  C1: 0.62,
  T1: 0.423,
  C2GivenC1: 0.323,
  C2WithoutC1: 0.179,
  T2GivenT1: 0.414,
  T2WithoutT1: 0.159,
};

export const CLIENT_CHURN_PROBABILITY = 0.2;
export const FAMILY_CHURN_PROBABILITY = 0.12;
export const DETERIORATION_PROBABILITY = 0.65;
/** Deterioration lasts this long before the churn (days). */
export const DETERIORATION_DAYS: [number, number] = [60, 300];

export const COMMODITY_SEGMENT_MIX: Record<"C1" | "C2", Record<CommoditySegment, number>> = {
  C1: { loyal: 0.66, promiscuous: 0.26, marginal: 0.08 },
  C2: { loyal: 0.3, promiscuous: 0.46, marginal: 0.24 },
};
export const SYSTEMATIC_SHARE: Record<"T1" | "T2", number> = { T1: 0.25, T2: 0.2 };

export const SHARE_OF_WALLET: Record<CommoditySegment | TechnicalPattern, [number, number]> = {
  loyal: [0.6, 1],
  promiscuous: [0.15, 0.5],
  marginal: [0.02, 0.1],
  systematic: [0.5, 1],
  occasional: [0.05, 0.4],
};

/** Median orders per year while healthy, and the log-normal spread across clients. */
export const ORDERS_PER_YEAR: Record<FamilyCode, { median: Partial<Record<CommoditySegment | TechnicalPattern, number>>; sigma: number }> = {
  C1: { median: { loyal: 3.3, promiscuous: 2.3, marginal: 1.0 }, sigma: 0.55 },
  C2: { median: { loyal: 2.8, promiscuous: 1.9, marginal: 0.9 }, sigma: 0.55 },
  T1: { median: { systematic: 5.2, occasional: 1.1 }, sigma: 0.6 },
  T2: { median: { systematic: 3.9, occasional: 0.85 }, sigma: 0.6 },
};
/** Tuned to hit the line counts per family (see the header comment). */
export const FAMILY_RATE_MULTIPLIER: Record<FamilyCode, number> = { C1: 0.8, C2: 0.875, T1: 0.76, T2: 0.79 };

/** Gamma shape of the gaps: commodities regular (loyal most), technical bursty. */
export const REGULARITY: Record<CommoditySegment | TechnicalPattern, [number, number]> = {
  loyal: [4, 10],
  promiscuous: [2, 5],
  marginal: [1, 2],
  systematic: [0.8, 1.6],
  occasional: [0.5, 1],
};

export const CAMPAIGN_SENSITIVITY: Record<CommoditySegment | TechnicalPattern, [number, number]> = {
  loyal: [0.05, 0.35],
  promiscuous: [0.3, 0.8],
  marginal: [0.1, 0.5],
  systematic: [0, 0.3],
  occasional: [0, 0.2],
};
/** An order due within this many days after a campaign may be pulled into it. */
export const CAMPAIGN_PULL_DAYS = 60;
/** A pulled-forward order is bigger, and the gap after it longer, by this factor. */
export const CAMPAIGN_STOCK_UP: [number, number] = [1.4, 2.2];

/** SKUs a client uses per family (weights for 1, 2, 3, 4 SKUs) and the chance each further one joins an order. */
export const PORTFOLIO_SIZE: Record<FamilyCode, number[]> = {
  C1: [0.45, 0.35, 0.2],
  C2: [0.75, 0.25],
  T1: [0.35, 0.3, 0.2, 0.15],
  T2: [0.5, 0.3, 0.2],
};
export const EXTRA_LINE_CHANCE: Record<FamilyCode, number> = { C1: 0.25, C2: 0.4, T1: 0.2, T2: 0.22 };

/** Demand intensity by month (January first): the gap to the next order shrinks when it is high. */
export const SEASONALITY = [1.05, 1.05, 1.1, 0.95, 1.05, 1.0, 0.9, 0.6, 1.1, 1.1, 1.05, 0.85];

/** Probability per client and year of each kind of pause. */
export const PAUSES = {
  august: 0.75,
  christmas: 0.55,
  closure: 0.06,
};

/** Per purchase line, the chance of a later line of each non-demand kind (DATA.md: returns
 * 1.2–2.3 % of lines, zero-value replacements ≈ 0.9 %, a few hundred empty lines). */
export const AFTER_SALE_RATES = {
  return: 0.0165,
  returnInOwnSeries: 0.85,
  zeroValueReplacement: 0.0092,
  priceCorrection: 0.003,
  empty: 0.002,
};

/** Yearly list-price increase. */
export const PRICE_INFLATION = 0.02;
