// Shapes the regional managers' area reads: one KPI set per scope (all of Spain, a region, a delegate).

/** The KPI cards and the map's colours. Money in the customer's units (€); rates 0..1; null = no data. */
export interface KpiSet {
  /** Live alerts (OPEN or SNOOZED) shown to delegates (never the held-out control group). */
  openAlerts: number;
  /** Expected impact of live CHURN_RISK + DETERIORATION alerts. */
  eurosAtRisk: number;
  /** Expected impact of live REPLENISHMENT + CAPTURE + REACTIVATION alerts. */
  eurosOpportunity: number;
  /** ATTENDED / closed (ATTENDED + DISMISSED + EXPIRED), control group excluded. */
  attendRate: number | null;
  closedAlerts: number;
  /** Median hours from an alert's creation to the first action a person took on it. */
  medianResponseHours: number | null;
  actedAlerts: number;
  /** Share of attended alerts followed by an attributed purchase (conversionStats' "attended" arm). */
  conversionAttended: number | null;
  attendedAlerts: number;
  /** The same share in the held-out control group (conversionStats' "heldOut" arm). */
  conversionControl: number | null;
  controlAlerts: number;
  /** conversionAttended − conversionControl (biased by the delegate's choice; shown for context). */
  conversionLift: number | null;
  /** OPEN alerts whose response deadline has passed. */
  overdueAlerts: number;
}

export const KPI_KEYS = [
  "openAlerts",
  "eurosAtRisk",
  "eurosOpportunity",
  "attendRate",
  "medianResponseHours",
  "conversionAttended",
  "overdueAlerts",
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export interface RegionKpis {
  code: string;
  name: string;
  /** False: outside the actor's scope — no figures, greyed on the map, not clickable. */
  inScope: boolean;
  kpis: KpiSet | null;
}

export interface RegionOverview {
  total: KpiSet;
  /** All 19 communities, in INE order. */
  regions: RegionKpis[];
}

export interface DelegateKpis {
  /** null: alerts with no delegate (a province nobody owns). */
  delegateId: number | null;
  name: string | null;
  kpis: KpiSet;
}

export interface RegionDelegates {
  region: { code: string; name: string };
  total: KpiSet;
  delegates: DelegateKpis[];
}

export interface WeekPoint {
  /** Monday of the week (Spain), yyyy-mm-dd. */
  week: string;
  /** Alerts created that week (control group excluded)… */
  created: number;
  /** …of which attended by now… */
  attended: number;
  /** …and followed by an attributed purchase. */
  converted: number;
}
