// The demo world's clients: who they are (id, province, size, needs, reported potential) and how
// each buys per family (segment, cadence, churn). Everything is drawn from streams derived from the
// seed and the client's index, against fixed world dates, so cutting the history with --until or
// --from shows the same world.
import type { CategoryCode } from "@/lib/import/parse/types";
import { assignIds, distinctIds } from "./assign-client-ids";
import { CLIENT_CHURN_PROBABILITY, COUNTS, DEFAULT_UNTIL, LAST_CHURN, NEW_CLIENT_SHARE, WORLD_START } from "./calibration";
import { dayFromIso } from "./calendar";
import { FAMILIES } from "./catalogue";
import { drawBehaviour, drawParticipation } from "./draw-family-behaviour";
import { CHAIR_WEIGHTS, drawNeeds, drawReportedPotential } from "./draw-needs";
import { exportProvinceName, pickProvince, postalCodeIn } from "./geography";
import { deriveSeed, Random } from "./random";
import type { DemoClient } from "./world-types";

const CLIENT_STREAM = 1;
const WORLD_STREAM = 0;

export const START_DAY = dayFromIso(WORLD_START);
const STRUCTURE_END = dayFromIso(DEFAULT_UNTIL);
const LAST_CHURN_DAY = dayFromIso(LAST_CHURN);

export interface ScaledCounts {
  registeredBuyers: number;
  unregisteredBuyers: number;
  prospects: number;
  foreign: number;
  identicalDuplicateRows: number;
  conflictingDuplicateRows: number;
  postalProvinceConflicts: number;
  unknownPostalPrefixes: number;
  missingFromPotencial: number;
  potencialOnlyGhosts: number;
}

export function scaledCounts(scale: number): ScaledCounts {
  return Object.fromEntries(Object.entries(COUNTS).map(([k, v]) => [k, Math.round(v * scale)])) as unknown as ScaledCounts;
}

export interface World {
  clients: DemoClient[];
  /** Ids found only in Potencial (neither buying nor in Clientes), with their potentials. */
  potencialGhosts: { id: string; potential: Record<CategoryCode, number> }[];
  counts: ScaledCounts;
  seed: number;
  scale: number;
}

export function buildWorld(seed: number, scale: number): World {
  const counts = scaledCounts(scale);
  const worldRandom = new Random(deriveSeed(seed, WORLD_STREAM));
  const buyers = counts.registeredBuyers + counts.unregisteredBuyers;
  const total = buyers + counts.prospects;
  const unregistered = new Set(distinctIds(worldRandom, counts.unregisteredBuyers, 0, buyers, new Set()));
  const foreign = new Set(distinctIds(worldRandom, counts.foreign, 0, total, new Set([...unregistered])));

  const clients: DemoClient[] = [];
  for (let index = 0; index < total; index++) {
    const seedOfClient = deriveSeed(seed, CLIENT_STREAM, index);
    const random = new Random(seedOfClient);
    const buyer = index < buyers;
    const isNew = buyer && random.chance(NEW_CLIENT_SHARE);
    const joinDay = random.int(START_DAY + 30, STRUCTURE_END - 60);
    const province = pickProvince(random);
    const postal = postalCodeIn(province, random);
    const chairs = 1 + random.weightedIndex(CHAIR_WEIGHTS);
    const needs = drawNeeds(random, chairs);
    const reportedPotential = drawReportedPotential(random, chairs, needs);
    const discount = Math.min(0.25, random.uniform(0, 0.12) + 0.02 * (chairs - 1));
    const churns = buyer && random.chance(CLIENT_CHURN_PROBABILITY);
    const joined = isNew ? joinDay : START_DAY;
    const churnDay = random.int(joined + 180, LAST_CHURN_DAY);
    const abroad = foreign.has(index);
    const client: DemoClient = {
      index,
      id: "", // assigned below, once join dates are known
      registered: !unregistered.has(index),
      buyer,
      province: abroad ? null : province,
      provinceName: abroad ? "Andorra" : exportProvinceName(province),
      postalCode: abroad ? "0" : postal,
      chairs,
      joined,
      isNew,
      discount,
      needs,
      reportedPotential,
      inPotencial: true,
      churn: churns ? churnDay : null,
      families: [],
      seed: seedOfClient,
    };
    if (buyer) {
      const participation = drawParticipation(random);
      client.families = participation.map((family, k) => drawBehaviour(seed, client, family, FAMILIES.indexOf(family), isNew && k === 0));
    }
    clients.push(client);
  }

  assignIds(clients, worldRandom, scale);
  const registered = clients.filter((c) => c.registered);
  for (const i of distinctIds(worldRandom, Math.min(counts.missingFromPotencial, registered.length), 0, registered.length, new Set())) {
    registered[i].inPotencial = false;
  }
  const taken = new Set(clients.map((c) => Number(c.id)));
  const potencialGhosts = distinctIds(worldRandom, counts.potencialOnlyGhosts, 50_000, 10_000, taken).map((id) => {
    const chairs = 1 + worldRandom.weightedIndex(CHAIR_WEIGHTS);
    return { id: String(id), potential: drawReportedPotential(worldRandom, chairs, drawNeeds(worldRandom, chairs)) };
  });
  return { clients, potencialGhosts, counts, seed, scale };
}

