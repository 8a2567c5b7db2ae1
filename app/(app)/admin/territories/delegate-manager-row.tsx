"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { assignDelegateManager } from "@/lib/actions/admin/assign-delegate-manager";
import type { TerritoryDelegate } from "@/lib/data/admin/get-territories";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, type Feedback } from "../_ui/feedback";

export function DelegateManagerRow({ delegate, managers, locale }: { delegate: TerritoryDelegate; managers: { id: number; name: string }[]; locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [managerId, setManagerId] = useState<number | null>(delegate.managerId);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function save() {
    setBusy(true);
    const result = await assignDelegateManager({ delegateId: delegate.id, managerId });
    setBusy(false);
    setFeedback(result.ok ? { kind: "ok", text: t("adminCommon.saved") } : { kind: "error", text: result.error });
    if (result.ok) router.refresh();
  }

  return (
    <tr className="border-b align-top last:border-0" data-testid="delegate-row" data-delegate-id={delegate.id}>
      <td className="p-2 font-medium">
        {delegate.name} {!delegate.active && <span className="text-xs text-gray-400">{t("territories.inactive")}</span>}
        <div className="text-xs font-normal text-gray-500">{delegate.email}</div>
      </td>
      <td className="p-2">
        <div className="flex items-center gap-2">
          <select
            aria-label={`${t("territories.col.manager")} · ${delegate.name}`}
            value={managerId ?? ""}
            onChange={(e) => setManagerId(e.target.value === "" ? null : Number(e.target.value))}
            disabled={!hydrated || busy}
            className="rounded-md border-gray-300 py-1 text-sm"
          >
            <option value="">{t("territories.noManager")}</option>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <button type="button" onClick={save} disabled={!hydrated || busy || managerId === delegate.managerId} className="rounded border px-2 py-1 text-xs font-medium hover:bg-gray-50 disabled:opacity-40">
            {t("adminCommon.save")}
          </button>
        </div>
        <FeedbackLine feedback={feedback} />
      </td>
      <td className="p-2 text-xs text-gray-600">{delegate.provinceCodes.join(", ") || "—"}</td>
      <td className="p-2 text-right tabular-nums" data-testid="delegate-open-alerts">
        {delegate.openAlerts}
      </td>
    </tr>
  );
}
