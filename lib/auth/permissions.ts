// The one table of who may do what. Row scoping (which clients) is separate: lib/auth/scope.ts.
import type { RoleName } from "@/lib/auth/roles";

export const PERMISSIONS = {
  "inbox.view": { roles: ["DELEGATE"], description: "Work an inbox of alerts on one's own clients." },
  "alert.view": { roles: ["DELEGATE", "MANAGER", "ADMIN"], description: "Open an alert of a client within one's scope." },
  "alert.act": {
    roles: ["DELEGATE", "MANAGER", "ADMIN"],
    description: "Attend, dismiss, snooze or reopen an alert of a client within one's scope.",
  },
  "region.view": { roles: ["MANAGER", "ADMIN"], description: "See KPIs, the map and the drill-down of one's regions." },
  "admin.view": { roles: ["ADMIN"], description: "Open the administration area." },
  "data.import": { roles: ["ADMIN"], description: "Upload the customer's CSV exports." },
  "pipeline.run": { roles: ["ADMIN"], description: "Start the scoring pipeline and change its schedule." },
  "users.manage": { roles: ["ADMIN"], description: "Create users, change roles and territories." },
  "settings.manage": { roles: ["ADMIN"], description: "Change alert settings and the channel rules." },
  "tokens.manage": { roles: ["ADMIN"], description: "Create and revoke API tokens." },
  "api.read": { roles: ["DELEGATE", "MANAGER", "ADMIN"], description: "Read alerts and scores through the API, within one's scope." },
  "profile.update": { roles: ["DELEGATE", "MANAGER", "ADMIN"], description: "Change one's own preferences (language)." },
} as const satisfies Record<string, { roles: readonly RoleName[]; description: string }>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: RoleName, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly RoleName[]).includes(role);
}
