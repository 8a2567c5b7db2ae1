import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission } from "../lib/auth/permissions";
import { ROLES } from "../lib/auth/roles";

// The expected matrix, written out independently of the table so that a change to either fails here.
const EXPECTED: Record<Permission, string> = {
  "inbox.view": "D",
  "alert.view": "DMA",
  "alert.act": "DMA",
  "region.view": "MA",
  "admin.view": "A",
  "data.import": "A",
  "pipeline.run": "A",
  "users.manage": "A",
  "settings.manage": "A",
  "tokens.manage": "A",
  "api.read": "DMA",
  "profile.update": "DMA",
};

describe("permissions table", () => {
  it("matches the expected role matrix for every role × permission", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const permission of Object.keys(EXPECTED) as Permission[]) {
      for (const role of ROLES) {
        expect(can(role, permission), `${role} ${permission}`).toBe(EXPECTED[permission].includes(role[0]!));
      }
    }
  });
});
