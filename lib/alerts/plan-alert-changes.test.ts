import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_SETTINGS as S } from "./alert-settings";
import { buildAlertDraft } from "./build-alert-drafts";
import { DEFAULT_CHANNEL_RULES } from "./channel-rules";
import { coolingOffDays, planAlertChanges, type LiveAlert, type PlanInput } from "./plan-alert-changes";
import { commodityPair } from "./testing/scored-pair-fixture";

const draft = (asOf: string, recencyDays: number, meanOrderValue = 470) =>
  buildAlertDraft(commodityPair({ asOf, context: { recencyDays, meanOrderValue } }), { settings: S, channelRules: DEFAULT_CHANNEL_RULES })!;

const live = (overrides: Partial<LiveAlert> = {}): LiveAlert => {
  const d = draft("2025-10-15", 47);
  return {
    id: 1,
    key: d.key,
    version: 1,
    status: "OPEN",
    delegateId: 7,
    priorityScore: d.priorityScore,
    priorityBand: d.priorityBand,
    channel: d.channel,
    contactFrom: d.contactFrom,
    contactUntil: d.contactUntil,
    responseDeadline: d.responseDeadline,
    reasons: d.reasons,
    ...overrides,
  };
};

const input = (overrides: Partial<PlanInput>): PlanInput => ({
  asOf: "2025-10-16",
  drafts: [],
  live: new Map(),
  closures: new Map(),
  delegateOfClient: new Map([[1, 7]]),
  settings: S,
  expireCleared: false,
  ...overrides,
});

describe("planAlertChanges", () => {
  it("a day more of the same signal refreshes silently; the opened window keeps its start and deadline", () => {
    const l = live();
    const plan = planAlertChanges(input({ drafts: [draft("2025-10-16", 48)], live: new Map([[l.key, l]]) }));
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0]).toMatchObject({ material: false, contactFrom: "2025-10-15", responseDeadline: "2025-10-20", reassigned: null });
    expect(plan.updates[0].draft.contactUntil).toBe("2025-10-23");
  });

  it("'due soon' becoming 'overdue' is material even at a similar priority", () => {
    const l = live({ reasons: draft("2025-10-15", 18).reasons });
    const plan = planAlertChanges(input({ drafts: [draft("2025-10-16", 22)], live: new Map([[l.key, l]]) }));
    expect(plan.updates[0].material).toBe(true);
    expect(plan.updates[0].changes.ruleReasons).toEqual({
      from: "replenishment.dueSoon,segment.loyal",
      to: "replenishment.overdue,segment.loyal",
    });
  });

  it("cooling-off: 30 days after attending or dismissing, a year after CLIENT_CLOSED", () => {
    expect(coolingOffDays({ status: "ATTENDED", asOf: "2025-10-15", dismissReason: null }, S)).toBe(30);
    expect(coolingOffDays({ status: "DISMISSED", asOf: "2025-10-15", dismissReason: "NOT_INTERESTED" }, S)).toBe(30);
    expect(coolingOffDays({ status: "DISMISSED", asOf: "2025-10-15", dismissReason: "CLIENT_CLOSED" }, S)).toBe(365);
    const d = draft("2025-11-13", 47);
    const closures = new Map([[d.key, { status: "ATTENDED" as const, asOf: "2025-10-15", dismissReason: null }]]);
    expect(planAlertChanges(input({ asOf: "2025-11-13", drafts: [d], closures })).suppressed).toEqual([
      { key: d.key, reason: "COOLING_OFF", until: "2025-11-14" },
    ]);
    expect(planAlertChanges(input({ asOf: "2025-11-14", drafts: [draft("2025-11-14", 47)], closures })).creates).toHaveLength(1);
  });

  it("duplicate drafts for one key keep the highest priority", () => {
    const plan = planAlertChanges(input({ drafts: [draft("2025-10-16", 47, 100), draft("2025-10-16", 47, 900)] }));
    expect(plan.creates.map((c) => c.draft.priorityScore)).toEqual([810]);
  });
});
