// Client ids that look like the customer's: older clients have short ids or 10-digit 1000xxxxxx ones,
// newer clients get increasing 10-digit ids by the date they joined, clients abroad 7-digit 20xxxxx.
import { LEGACY_SHORT_ID_SHARE } from "./calibration";
import type { Random } from "./random";
import type { DemoClient } from "./world-types";

/** Distinct integers from [min, min + span), drawn by rejection (the ranges are kept sparse). */
export function distinctIds(random: Random, count: number, min: number, span: number, taken: Set<number>): number[] {
  const ids: number[] = [];
  while (ids.length < count) {
    const id = min + random.int(0, span - 1);
    if (taken.has(id)) continue;
    taken.add(id);
    ids.push(id);
  }
  return ids;
}

export function assignIds(clients: DemoClient[], random: Random, scale: number): void {
  const taken = new Set<number>();
  const existing = clients.filter((c) => !c.isNew && c.province !== null);
  const shortCount = Math.round(existing.length * LEGACY_SHORT_ID_SHARE);
  const shortIds = distinctIds(random, shortCount, 100, Math.round(45_000 * scale), taken);
  const longBase = 1_000_030_000;
  const longSpan = Math.round(80_000 * scale);
  const longIds = distinctIds(random, existing.length - shortCount, longBase, longSpan, taken);
  const order = existing.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  order.forEach((clientPosition, k) => {
    existing[clientPosition].id = String(k < shortCount ? shortIds[k] : longIds[k - shortCount]);
  });
  let next = longBase + longSpan + 1;
  for (const client of clients.filter((c) => c.isNew && c.province !== null).sort((a, b) => a.joined - b.joined || a.index - b.index)) {
    next += random.int(1, 12);
    client.id = String(next);
  }
  const abroad = clients.filter((c) => c.province === null);
  distinctIds(random, abroad.length, 2_000_000, 99_999, taken).forEach((id, k) => (abroad[k].id = String(id)));
}
