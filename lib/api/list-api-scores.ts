import "server-only";
// GET /api/v1/scores: the model's scores of one as-of date (default: the latest) for the clients
// within the caller's scope, in (client, family) order — the order of score's primary key, so a page
// is an index range scan (reasons joined from score_explanation, keyed alike) — with a keyset cursor that also pins the as-of date, so a pipeline run
// finishing mid-pagination cannot mix two days' scores.
import { z } from "zod";
import type { Actor } from "@/lib/auth/load-actor";
import { scopeClientsSql } from "@/lib/auth/scope";
import type { DbTx } from "@/lib/db/prisma";
import { decodeCursor, encodeCursor, type ApiPage, type CsvValue } from "./api-format";
import { codeList, enumList, isoDay, pageSize, probability, SqlParams } from "./api-query";
import { InvalidCursorError } from "./list-api-alerts";

export const SEGMENTS = ["LOYAL", "PROMISCUOUS", "MARGINAL", "TECHNICAL"] as const;

export const scoresQuerySchema = z.object({
  as_of: isoDay.optional(),
  family: codeList(/^[A-Z0-9]{1,8}$/, "Family codes look like C1, T2.").optional(),
  min_p_buy: probability.optional(),
  min_p_churn: probability.optional(),
  segment: enumList(SEGMENTS).optional(),
  limit: pageSize,
  cursor: z.string().max(500).optional(),
});

export type ScoresQuery = z.infer<typeof scoresQuerySchema>;

export interface ApiScore {
  clientId: string;
  provinceCode: string | null;
  familyCode: string;
  asOf: string;
  pBuy90d: number | null;
  pChurn90d: number | null;
  pChurn180d: number | null;
  expectedDaysToNext: number | null;
  segment: string | null;
  shareOfWallet: number | null;
  potentialUnreliable: boolean;
  /** Why, in Spanish: the strongest TreeSHAP reasons of the purchase and churn heads. */
  reasons: { buy: string[]; churn: string[] };
}

interface RawScore {
  client_id: number;
  external_id: string;
  province_code: string | null;
  family_code: string;
  as_of: string;
  p_buy_90d: number | null;
  p_churn_90d: number | null;
  p_churn_180d: number | null;
  expected_days_to_next: number | null;
  segment: string | null;
  share_of_wallet: number | null;
  potential_unreliable: boolean;
  reasons: unknown;
}

function cursorKey(cursor: string | undefined): [string, number, string] | null {
  if (cursor === undefined) return null;
  const key = decodeCursor(cursor);
  if (!key || key.length !== 3 || typeof key[0] !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(key[0]) || !Number.isInteger(key[1]) || typeof key[2] !== "string") {
    throw new InvalidCursorError();
  }
  return [key[0], key[1] as number, key[2]];
}

const texts = (list: unknown): string[] =>
  Array.isArray(list) ? list.flatMap((r) => (r && typeof r === "object" && typeof (r as { text?: unknown }).text === "string" ? [(r as { text: string }).text] : [])) : [];

const finite = (value: number | null) => (value === null || !Number.isFinite(value) ? null : value);

export async function listApiScores(db: DbTx, actor: Actor, query: ScoresQuery): Promise<ApiPage<ApiScore> & { asOf: string | null }> {
  const after = cursorKey(query.cursor);
  const asOf = after?.[0] ?? query.as_of ?? (await db.$queryRawUnsafe<{ d: string | null }[]>(`SELECT max(as_of)::text AS d FROM score`))[0]?.d ?? null;
  if (!asOf) return { data: [], nextCursor: null, asOf: null };
  const params = new SqlParams();
  const scope = scopeClientsSql(actor, "c", 1);
  params.values.push(...scope.params);
  const where = [scope.sql, `s.as_of = ${params.add(asOf)}::date`];
  if (query.family) where.push(`s.family_code = ANY(${params.add(query.family)}::text[])`);
  if (query.min_p_buy !== undefined) where.push(`s.p_buy_90d >= ${params.add(query.min_p_buy)}::float8`);
  if (query.min_p_churn !== undefined) where.push(`s.p_churn_90d >= ${params.add(query.min_p_churn)}::float8`);
  if (query.segment) where.push(`s.segment::text = ANY(${params.add(query.segment)}::text[])`);
  if (after) where.push(`(s.client_id, s.family_code) > (${params.add(after[1])}::int, ${params.add(after[2])}::text)`);
  const limit = params.add(query.limit + 1);
  const rows = await db.$queryRawUnsafe<RawScore[]>(
    `SELECT s.client_id, c.external_id, c.province_code, s.family_code, s.as_of::text AS as_of, s.p_buy_90d, s.p_churn_90d,
            s.p_churn_180d, s.expected_days_to_next, s.segment::text AS segment, s.share_of_wallet, s.potential_unreliable, e.reasons
       FROM score s
       JOIN client c ON c.id = s.client_id
       LEFT JOIN score_explanation e ON e.as_of = s.as_of AND e.client_id = s.client_id AND e.family_code = s.family_code
      WHERE ${where.join(" AND ")}
      ORDER BY s.client_id, s.family_code
      LIMIT ${limit}::int`,
    ...params.values,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    asOf,
    data: page.map((row) => {
      const reasons = (row.reasons ?? {}) as { buy?: unknown; churn?: unknown };
      return {
        clientId: row.external_id,
        provinceCode: row.province_code,
        familyCode: row.family_code,
        asOf: row.as_of,
        pBuy90d: finite(row.p_buy_90d),
        pChurn90d: finite(row.p_churn_90d),
        pChurn180d: finite(row.p_churn_180d),
        expectedDaysToNext: finite(row.expected_days_to_next),
        segment: row.segment,
        shareOfWallet: finite(row.share_of_wallet),
        potentialUnreliable: row.potential_unreliable,
        reasons: { buy: texts(reasons.buy), churn: texts(reasons.churn) },
      };
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor([asOf, last.client_id, last.family_code]) : null,
  };
}

export const SCORE_CSV_COLUMNS = [
  "client_id", "province_code", "family_code", "as_of", "p_buy_90d", "p_churn_90d", "p_churn_180d", "expected_days_to_next",
  "segment", "share_of_wallet", "potential_unreliable", "buy_reasons", "churn_reasons",
] as const;

export function scoreCsvRow(score: ApiScore): CsvValue[] {
  return [
    score.clientId, score.provinceCode, score.familyCode, score.asOf, score.pBuy90d, score.pChurn90d, score.pChurn180d,
    score.expectedDaysToNext, score.segment, score.shareOfWallet, score.potentialUnreliable, score.reasons.buy.join(" | "),
    score.reasons.churn.join(" | "),
  ];
}
