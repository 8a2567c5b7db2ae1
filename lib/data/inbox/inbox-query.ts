import "server-only";
// The inbox's state lives in the URL (shareable, rendered on the server): this reads it from the
// search params, dropping anything unknown instead of failing, and writes it back for links.
import { z } from "zod";

export const INBOX_TABS = ["pending", "attended", "dismissed", "snoozed"] as const;
export const INBOX_SORTS = ["priority", "impact", "window"] as const;
export const MOTIVES = ["REPLENISHMENT", "CAPTURE", "DETERIORATION", "CHURN_RISK", "REACTIVATION"] as const;
export const PRIORITY_BANDS = ["HIGH", "MEDIUM", "LOW"] as const;
export const CHANNELS = ["FIELD_VISIT", "DELEGATE_CALL", "TELESALES", "MARKETING_AUTOMATION"] as const;
export const INBOX_PAGE_SIZE = 25;

export type InboxTab = (typeof INBOX_TABS)[number];
export type InboxSort = (typeof INBOX_SORTS)[number];
export type MotiveCode = (typeof MOTIVES)[number];
export type BandCode = (typeof PRIORITY_BANDS)[number];
export type ChannelCode = (typeof CHANNELS)[number];

export interface InboxQuery {
  tab: InboxTab;
  band: BandCode | null;
  motive: MotiveCode | null;
  family: string | null;
  province: string | null;
  channel: ChannelCode | null;
  /** Free text matched against the client's id. */
  q: string | null;
  /** Only the latest daily plan: the alerts the engine put within the delegate's daily capacity. */
  plan: boolean;
  sort: InboxSort;
  page: number;
  pageSize: number;
}

export type SearchParams = Record<string, string | string[] | undefined>;

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().catch(null);

const querySchema = z.object({
  tab: z.enum(INBOX_TABS).catch("pending"),
  band: optional(z.enum(PRIORITY_BANDS)),
  motive: optional(z.enum(MOTIVES)),
  family: optional(z.string().regex(/^[A-Z0-9]{1,8}$/)),
  province: optional(z.string().regex(/^\d{2}$/)),
  channel: optional(z.enum(CHANNELS)),
  q: optional(z.string().trim().min(1).max(40)),
  plan: z.literal("today").nullable().catch(null),
  sort: z.enum(INBOX_SORTS).catch("priority"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function parseInboxQuery(params: SearchParams): InboxQuery {
  const single = (key: string) => {
    const value = params[key];
    const text = Array.isArray(value) ? value[0] : value;
    return text === undefined || text === "" ? null : text;
  };
  const parsed = querySchema.parse({
    tab: single("tab") ?? undefined,
    band: single("band"),
    motive: single("motive"),
    family: single("family")?.toUpperCase() ?? null,
    province: single("province"),
    channel: single("channel"),
    q: single("q"),
    plan: single("plan"),
    sort: single("sort") ?? undefined,
    page: single("page") ?? 1,
  });
  return { ...parsed, plan: parsed.plan === "today", pageSize: INBOX_PAGE_SIZE };
}

/** The URL of the inbox with `query` changed by `patch` (defaults are left out of the URL). */
export function inboxHref(query: InboxQuery, patch: Partial<InboxQuery> = {}): string {
  const next = { ...query, ...patch };
  const params = new URLSearchParams();
  if (next.tab !== "pending") params.set("tab", next.tab);
  for (const key of ["band", "motive", "family", "province", "channel", "q"] as const) {
    const value = next[key];
    if (value) params.set(key, value);
  }
  if (next.plan) params.set("plan", "today");
  if (next.sort !== "priority") params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `/inbox?${text}` : "/inbox";
}

export function hasFilters(query: InboxQuery): boolean {
  return Boolean(query.band || query.motive || query.family || query.province || query.channel || query.q);
}
