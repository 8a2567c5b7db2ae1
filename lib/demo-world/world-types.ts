// The demo world's hidden truth: who each client is and how it behaves per family. The sales lines
// are generated from it, and the ground-truth files expose it so models can be scored against it.
import type { CategoryCode, FamilyCode } from "@/lib/import/parse/types";
import type { Day } from "./calendar";
import type { Sku } from "./catalogue";

/** Commodities: how much of its need the client buys from us. */
export type CommoditySegment = "loyal" | "promiscuous" | "marginal";
/** Technical products: recurring user, or occasional buyer. */
export type TechnicalPattern = "systematic" | "occasional";

export type PauseReason = "august" | "christmas" | "closure";

export interface PauseWindow {
  start: Day;
  /** Inclusive. */
  end: Day;
  reason: PauseReason;
}

export interface FamilyBehaviour {
  family: FamilyCode;
  segment: CommoditySegment | TechnicalPattern;
  /** True share of the client's need for this family that it buys from us (0–1). */
  shareOfWallet: number;
  /** Mean orders per year while healthy. */
  ordersPerYear: number;
  /** Shape of the gamma-distributed gaps: high = clockwork, below 1 = bursty. */
  regularity: number;
  /** Probability of pulling an order forward into a campaign window that precedes it. */
  campaignSensitivity: number;
  /** The SKUs this client buys in the family, most used first. */
  portfolio: readonly Sku[];
  /** Chance that each further SKU of the portfolio joins an order. */
  extraLineChance: number;
  /** Money per line the client aims at (its yearly spend spread over its orders and lines). */
  lineValue: number;
  /** First order's day. */
  firstOrder: Day;
  /** Day from which the client buys no more of the family (may lie beyond the generated period). */
  churn: Day | null;
  churnCause: "client" | "family" | null;
  /** Day from which orders thin out and shrink before the churn. */
  deteriorationStart: Day | null;
}

export interface DemoClient {
  index: number;
  id: string;
  /** Present in Clientes. Unregistered buyers appear only in Ventas (and Potencial). */
  registered: boolean;
  buyer: boolean;
  /** INE province code; null abroad (Andorra). */
  province: string | null;
  provinceName: string;
  /** "0" abroad, as the export writes it. */
  postalCode: string;
  /** Dental chairs: the clinic's size, which drives its needs. */
  chairs: number;
  joined: Day;
  isNew: boolean;
  /** Commercial discount on list prices (0–0.25). */
  discount: number;
  /** True yearly need per category, in sales money. */
  needs: Record<CategoryCode, number>;
  /** What the Potencial table reports (may be 0, or below what the client buys). */
  reportedPotential: Record<CategoryCode, number>;
  inPotencial: boolean;
  /** The clinic stops buying everything (closure, switch of supplier). */
  churn: Day | null;
  families: FamilyBehaviour[];
  /** Seed of the client's own random streams. */
  seed: number;
}
