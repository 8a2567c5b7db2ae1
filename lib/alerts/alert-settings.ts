// Every tunable of the alert engine, with its default and its validation. Stored (only what an admin
// changed) under the `setting` key "alerts"; loaded as defaults ⊕ overrides and validated as a whole,
// so a new default reaches installations that never touched it.
import { z } from "zod";

const share = z.number().min(0).max(1);
const days = z.number().int().min(0).max(3650);
const money = z.number().min(0);
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "Formato MM-DD");

export const DISMISS_REASONS = ["ALREADY_BOUGHT", "NOT_INTERESTED", "WRONG_DATA", "CLIENT_CLOSED", "OTHER"] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export const alertSettingsSchema = z
  .object({
    /** Alerts shown per delegate per day (delegate.daily_capacity overrides it). */
    dailyCapacity: z.number().int().min(1).max(500),
    /** Share of new eligible alerts held out as the control group (never shown). */
    controlShare: share,
    /** Mixed into the control-group hash: changing it draws a new control group. */
    controlSalt: z.string().min(1).max(64),
    /** "Due soon" means within this many days. */
    contactHorizonDays: days,
    /** A closed alert keeps the same client × family × motive from alerting again for this long. */
    coolingOff: z.object({
      attendedDays: days,
      dismissedDays: days,
      /** Per dismissal reason, replacing dismissedDays (e.g. a closed clinic: a year). */
      dismissReasonDays: z.partialRecord(z.enum(DISMISS_REASONS), days),
    }),
    /** Purchases up to this many days after the contact window still count as the alert's outcome. */
    attributionGraceDays: days,
    /** A refresh writes an UPDATED event when the priority score moves by at least this fraction. */
    materialPriorityChange: share,
    segments: z.object({
      loyalMinShare: share,
      /** A client loyal last year stays loyal while this year's share is at least this (hysteresis). */
      loyalStayShare: share,
      promiscuousMinShare: share,
      promiscuousStayShare: share,
      /** Potential unreliable: loyal = buys on at least this many days a year… */
      historyLoyalMinPurchaseDays: z.number().int().min(1),
      /** …or at least historyStayMinPurchaseDays and keeps this fraction of last year's value. */
      historyStayMinPurchaseDays: z.number().int().min(1),
      historyStayValueRatio: share,
      /** Potential unreliable: fewer purchase days than this = marginal. */
      historyPromiscuousMinPurchaseDays: z.number().int().min(1),
    }),
    replenishment: z.object({
      minPBuy90d: share,
      /** Overdue = days since the last purchase ≥ this × the median gap. */
      overdueRatio: z.number().min(0.5).max(10),
      leadDays: days,
      daysAfterDue: days,
    }),
    capture: z.object({
      /** Yearly € the client buys elsewhere (potential − purchases) at least this. */
      minGap: money,
      /** Timing signal without a due date: pBuy90d at least this. */
      minPBuy90d: share,
      leadDays: days,
      daysAfterDue: days,
      windowDays: days,
    }),
    deterioration: z.object({
      /** value(last 90) / value(previous 90) at most this… */
      maxTrend90: z.number().min(0).max(1),
      /** …and value(last 365) / value(previous 365) at most this. */
      maxTrend365: z.number().min(0).max(1),
      /** Last year's value at least this, so small amounts do not make noise. */
      minPrevYearValue: money,
      /** Falling probability: pBuy90d at most this… */
      maxPBuy90d: share,
      /** …or, when the previous run's pBuy90d is known, fell by at least this. */
      minPBuyDrop: share,
      windowDays: days,
    }),
    churnRisk: z.object({
      /** Silence (normal pauses discounted) / median gap at least this. */
      minOverdueRatio: z.number().min(1).max(20),
      minPChurn90d: share,
      /** Silence (pauses discounted) at least this many days: a weekly buyer's 10 days is not churn. */
      minSilenceDays: days,
      windowDays: days,
      pauses: z.object({
        august: z.boolean(),
        /** Christmas period, inclusive, crossing the new year (MM-DD). */
        christmasFrom: monthDay,
        christmasUntil: monthDay,
        /** Campaigns pull demand forward: this many days after a campaign window ends are a pause. */
        postCampaignGraceDays: days,
      }),
    }),
    reactivation: z.object({
      minDaysLapsed: days,
      minRhythmMultiple: z.number().min(1).max(50),
      /** After this long it is acquisition, not reactivation. */
      maxDaysLapsed: days,
      /** Reliable potential, or the yearly value it used to buy when potential is unreliable. */
      minReferenceValue: money,
      windowDays: days,
    }),
    priorityBands: z.object({ highMin: money, mediumMin: money }),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (s.segments.loyalStayShare > s.segments.loyalMinShare)
      issue(["segments", "loyalStayShare"], "Debe ser menor o igual que loyalMinShare");
    if (s.segments.promiscuousMinShare > s.segments.loyalMinShare)
      issue(["segments", "promiscuousMinShare"], "Debe ser menor o igual que loyalMinShare");
    if (s.segments.promiscuousStayShare > s.segments.promiscuousMinShare)
      issue(["segments", "promiscuousStayShare"], "Debe ser menor o igual que promiscuousMinShare");
    if (s.priorityBands.mediumMin > s.priorityBands.highMin)
      issue(["priorityBands", "mediumMin"], "Debe ser menor o igual que highMin");
    if (s.reactivation.maxDaysLapsed < s.reactivation.minDaysLapsed)
      issue(["reactivation", "maxDaysLapsed"], "Debe ser mayor o igual que minDaysLapsed");
  });

export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  dailyCapacity: 15,
  controlShare: 0.05,
  controlSalt: "control-v1",
  contactHorizonDays: 14,
  coolingOff: { attendedDays: 30, dismissedDays: 30, dismissReasonDays: { CLIENT_CLOSED: 365, WRONG_DATA: 90 } },
  attributionGraceDays: 30,
  materialPriorityChange: 0.2,
  segments: {
    loyalMinShare: 0.6,
    loyalStayShare: 0.45,
    promiscuousMinShare: 0.2,
    promiscuousStayShare: 0.12,
    historyLoyalMinPurchaseDays: 6,
    historyStayMinPurchaseDays: 4,
    historyStayValueRatio: 0.6,
    historyPromiscuousMinPurchaseDays: 3,
  },
  replenishment: { minPBuy90d: 0.3, overdueRatio: 1, leadDays: 7, daysAfterDue: 7 },
  capture: { minGap: 1000, minPBuy90d: 0.6, leadDays: 7, daysAfterDue: 7, windowDays: 14 },
  deterioration: {
    maxTrend90: 0.6,
    maxTrend365: 0.85,
    minPrevYearValue: 300,
    maxPBuy90d: 0.75,
    minPBuyDrop: 0.15,
    windowDays: 21,
  },
  churnRisk: {
    minOverdueRatio: 1.5,
    minPChurn90d: 0.5,
    minSilenceDays: 30,
    windowDays: 14,
    pauses: { august: true, christmasFrom: "12-20", christmasUntil: "01-07", postCampaignGraceDays: 45 },
  },
  reactivation: { minDaysLapsed: 180, minRhythmMultiple: 3, maxDaysLapsed: 730, minReferenceValue: 500, windowDays: 30 },
  priorityBands: { highMin: 1000, mediumMin: 250 },
};

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Overrides win key by key; objects merge recursively, anything else replaces. */
export function mergeDeep<T>(base: T, overrides: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(overrides)) return (overrides === undefined ? base : overrides) as T;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    result[key] = isPlainObject(value) && isPlainObject(result[key]) ? mergeDeep(result[key], value) : value;
  }
  return result as T;
}

export type SettingsValidation =
  | { ok: true; settings: AlertSettings }
  | { ok: false; fieldErrors: Record<string, string[]> };

/** Defaults ⊕ overrides, validated as a whole. */
export function resolveAlertSettings(overrides: unknown): SettingsValidation {
  const parsed = alertSettingsSchema.safeParse(mergeDeep(DEFAULT_ALERT_SETTINGS, overrides ?? {}));
  if (parsed.success) return { ok: true, settings: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return { ok: false, fieldErrors };
}
