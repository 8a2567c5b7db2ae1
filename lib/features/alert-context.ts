// The few facts of a matrix row that alerts quote as they are ("último pedido el 12/03, compra cada
// ~45 días, potencial 6.000"), read by name so the alert engine need not know column positions.
import { fromEpochDay } from "./dates";
import type { FeatureMatrix, IsoDate } from "./types";

export interface AlertContext {
  lastPurchaseDate: IsoDate;
  /** The client's usual rhythm in this family; null with a single purchase day. */
  medianGapDays: number | null;
  /** Yearly potential of the family's category (T1 and T2 share T1's); null when absent. */
  potential: number | null;
  potentialUnreliable: boolean;
  purchasesLast365: number;
  /** Category purchases of the last 365 days / potential; null when potential is absent or 0. */
  shareOfWallet: number | null;
}

const COLUMNS = [
  "last_purchase_epoch_day",
  "gap_median_days",
  "potential_amount",
  "potential_unreliable",
  "purchase_value_365",
  "share_of_wallet_365",
] as const;

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/** A reader for `matrix`; look columns up once, then call it per row. Money is float32 (≈ 7 digits). */
export function alertContextReader(matrix: FeatureMatrix): (row: number) => AlertContext {
  const width = matrix.names.length;
  const [lastDay, gap, potential, unreliable, purchases, share] = COLUMNS.map((name) => {
    const j = matrix.names.indexOf(name);
    if (j < 0) throw new Error(`The matrix has no column "${name}"`);
    return j;
  });
  return (row) => {
    const v = (j: number) => matrix.values[row * width + j];
    return {
      lastPurchaseDate: fromEpochDay(v(lastDay)),
      medianGapDays: orNull(v(gap)),
      potential: orNull(v(potential)),
      potentialUnreliable: v(unreliable) === 1,
      purchasesLast365: v(purchases),
      shareOfWallet: orNull(v(share)),
    };
  };
}
