"use client";
// Per user: change role, deactivate / reactivate, set a new password.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { changeUserRole } from "@/lib/actions/admin/change-user-role";
import { resetUserPassword } from "@/lib/actions/admin/reset-user-password";
import { setUserActive } from "@/lib/actions/admin/set-user-active";
import { ROLES, type RoleName } from "@/lib/auth/roles";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, type Feedback } from "../_ui/feedback";

type Result = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function UserRowActions({ user, locale }: { user: { id: number; name: string; role: RoleName; active: boolean }; locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [role, setRole] = useState<RoleName>(user.role);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function run(action: () => Promise<Result>, okText: string) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      setFeedback({ kind: "ok", text: okText });
      router.refresh();
    } else {
      setFeedback({ kind: "error", text: Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.error });
    }
  }

  const disabled = !hydrated || busy;
  const button = "rounded border px-2 py-1 text-xs font-medium hover:bg-gray-50 disabled:opacity-50";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label={t("users.role")} value={role} onChange={(e) => setRole(e.target.value as RoleName)} disabled={disabled} className="rounded-md border-gray-300 py-1 text-xs">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <button type="button" className={button} disabled={disabled || role === user.role} onClick={() => run(() => changeUserRole({ userId: user.id, role }), t("adminCommon.saved"))}>
          {t("users.applyRole")}
        </button>
        <button
          type="button"
          className={button}
          disabled={disabled}
          onClick={() => run(() => setUserActive({ userId: user.id, active: !user.active }), t("adminCommon.saved"))}
        >
          {user.active ? t("users.deactivate") : t("users.activate")}
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="password"
          aria-label={t("users.newPassword")}
          placeholder={t("users.newPassword")}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          disabled={disabled}
          autoComplete="new-password"
          className="w-40 rounded-md border-gray-300 py-1 text-xs"
        />
        <button
          type="button"
          className={button}
          disabled={disabled || password.length === 0}
          onClick={() =>
            run(async () => {
              const result = await resetUserPassword({ userId: user.id, password });
              if (result.ok) setPassword("");
              return result;
            }, t("users.passwordChanged"))
          }
        >
          {t("users.setPassword")}
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </div>
  );
}
