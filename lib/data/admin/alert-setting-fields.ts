import "server-only";
// The alert settings an admin edits on /admin/settings, by path in AlertSettings, with the unit the
// form shows and the bounds it checks first (Spanish messages); saveAlertSettings then validates the
// whole (cross-field rules included). Everything else keeps its default or stored value.
import type { Actor } from "@/lib/auth/load-actor";
import type { DbTx } from "@/lib/db/prisma";
import { DEFAULT_ALERT_SETTINGS, DEFAULT_CHANNEL_RULES, loadAlertSettings, loadChannelRules, type AlertSettings, type ChannelRule } from "@/lib/alerts";
import { assertPermission } from "./assert-permission";

export type SettingFieldKind = "capacity" | "share" | "money" | "days" | "ratio";

export interface SettingField {
  path: string;
  kind: SettingFieldKind;
  min: number;
  max: number;
  integer: boolean;
  group: "general" | "segments" | "replenishment" | "capture" | "deterioration" | "churnRisk" | "reactivation" | "priorityBands";
}

const KIND_BOUNDS: Record<SettingFieldKind, Pick<SettingField, "min" | "max" | "integer">> = {
  capacity: { min: 1, max: 500, integer: true },
  share: { min: 0, max: 1, integer: false },
  money: { min: 0, max: 10_000_000, integer: false },
  days: { min: 0, max: 3650, integer: true },
  ratio: { min: 0, max: 50, integer: false },
};

const field = (path: string, kind: SettingFieldKind, bounds: Partial<Pick<SettingField, "min" | "max">> = {}): SettingField => ({
  path,
  kind,
  ...KIND_BOUNDS[kind],
  ...bounds,
  group: (path.includes(".") ? path.split(".")[0] : "general") as SettingField["group"],
});

export const EDITABLE_SETTING_FIELDS: readonly SettingField[] = [
  field("dailyCapacity", "capacity"),
  field("controlShare", "share"),
  field("segments.loyalMinShare", "share"),
  field("segments.loyalStayShare", "share"),
  field("segments.promiscuousMinShare", "share"),
  field("segments.promiscuousStayShare", "share"),
  field("replenishment.minPBuy90d", "share"),
  field("replenishment.overdueRatio", "ratio", { min: 0.5, max: 10 }),
  field("capture.minGap", "money"),
  field("capture.minPBuy90d", "share"),
  field("deterioration.maxTrend90", "share"),
  field("deterioration.maxTrend365", "share"),
  field("deterioration.minPrevYearValue", "money"),
  field("deterioration.maxPBuy90d", "share"),
  field("deterioration.minPBuyDrop", "share"),
  field("churnRisk.minOverdueRatio", "ratio", { min: 1, max: 20 }),
  field("churnRisk.minPChurn90d", "share"),
  field("churnRisk.minSilenceDays", "days"),
  field("reactivation.minDaysLapsed", "days"),
  field("reactivation.maxDaysLapsed", "days"),
  field("reactivation.minRhythmMultiple", "ratio", { min: 1, max: 50 }),
  field("reactivation.minReferenceValue", "money"),
  field("priorityBands.highMin", "money"),
  field("priorityBands.mediumMin", "money"),
];

export function readPath(settings: AlertSettings, path: string): number {
  let value: unknown = settings;
  for (const key of path.split(".")) value = (value as Record<string, unknown>)[key];
  return value as number;
}

export interface AlertSettingsAdmin {
  fields: (SettingField & { value: number; defaultValue: number })[];
  channelRules: ChannelRule[];
  /** The table has never been edited: these are the built-in defaults. */
  channelRulesAreDefaults: boolean;
  defaultChannelRules: ChannelRule[];
  delegates: { id: number; name: string; active: boolean; dailyCapacity: number | null }[];
  globalCapacity: number;
}

export async function getAlertSettingsAdmin(db: DbTx, actor: Actor): Promise<AlertSettingsAdmin> {
  assertPermission(actor, "settings.manage");
  const [settings, channelRules, delegates] = await Promise.all([
    loadAlertSettings(db),
    loadChannelRules(db),
    db.delegate.findMany({
      where: { user: { role: "DELEGATE" } },
      select: { id: true, dailyCapacity: true, user: { select: { name: true, active: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  return {
    fields: EDITABLE_SETTING_FIELDS.map((f) => ({ ...f, value: readPath(settings, f.path), defaultValue: readPath(DEFAULT_ALERT_SETTINGS, f.path) })),
    channelRules,
    channelRulesAreDefaults: channelRules.every((rule) => rule.id === null),
    defaultChannelRules: [...DEFAULT_CHANNEL_RULES],
    delegates: delegates.map((d) => ({ id: d.id, name: d.user.name, active: d.user.active, dailyCapacity: d.dailyCapacity })),
    globalCapacity: settings.dailyCapacity,
  };
}
