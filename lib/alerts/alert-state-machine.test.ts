import { describe, expect, it } from "vitest";
import { checkTransition, type AlertAction } from "./alert-state-machine";
import type { AlertStatus } from "./types";

const STATUSES: AlertStatus[] = ["OPEN", "SNOOZED", "ATTENDED", "DISMISSED", "EXPIRED"];
const ALLOWED: Record<AlertAction, AlertStatus[]> = {
  ATTEND: ["OPEN", "SNOOZED"],
  DISMISS: ["OPEN", "SNOOZED"],
  SNOOZE: ["OPEN", "SNOOZED"],
  REOPEN: ["SNOOZED", "ATTENDED", "DISMISSED"],
};

describe("alert state machine", () => {
  for (const [action, from] of Object.entries(ALLOWED) as [AlertAction, AlertStatus[]][]) {
    it(`${action} is allowed exactly from ${from.join(", ")}`, () => {
      for (const status of STATUSES) {
        expect(checkTransition(action, { status, heldOut: false }).ok, `${action} from ${status}`).toBe(from.includes(status));
      }
    });
  }

  it("targets: attend → ATTENDED, dismiss → DISMISSED, snooze → SNOOZED, reopen → OPEN", () => {
    expect(checkTransition("ATTEND", { status: "OPEN", heldOut: false })).toEqual({ ok: true, to: "ATTENDED" });
    expect(checkTransition("REOPEN", { status: "DISMISSED", heldOut: false })).toEqual({ ok: true, to: "OPEN" });
  });

  it("refuses any action on a held-out (control) alert", () => {
    expect(checkTransition("ATTEND", { status: "OPEN", heldOut: true })).toMatchObject({ ok: false, code: "HELD_OUT" });
  });
});
