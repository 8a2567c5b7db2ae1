"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { assignProvinceDelegate } from "@/lib/actions/admin/assign-province-delegate";
import type { TerritoryProvince } from "@/lib/data/admin/get-territories";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, type Feedback } from "../_ui/feedback";

export interface DelegateOption {
  id: number;
  label: string;
}

/** One province: its delegate, changed with a select and saved on its own. */
export function ProvinceRow({ province, delegates, locale }: { province: TerritoryProvince; delegates: DelegateOption[]; locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [delegateId, setDelegateId] = useState<number | null>(province.delegateId);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function save() {
    setBusy(true);
    const result = await assignProvinceDelegate({ provinceCode: province.code, delegateId });
    setBusy(false);
    if (result.ok) {
      setFeedback({ kind: "ok", text: t("territories.moved", { province: province.name, count: result.data.movedAlerts }) });
      router.refresh();
    } else {
      setFeedback({ kind: "error", text: result.error });
    }
  }

  return (
    <tr className="border-b align-top last:border-0" data-testid="province-row" data-province={province.code}>
      <td className="p-2 font-medium">
        {province.name} <span className="text-xs text-gray-400">{province.code}</span>
      </td>
      <td className="p-2 text-gray-600">{province.regionName}</td>
      <td className="p-2">
        <div className="flex items-center gap-2">
          <select
            aria-label={`${t("territories.col.delegate")} · ${province.name}`}
            value={delegateId ?? ""}
            onChange={(e) => setDelegateId(e.target.value === "" ? null : Number(e.target.value))}
            disabled={!hydrated || busy}
            className="rounded-md border-gray-300 py-1 text-sm"
          >
            <option value="">{t("territories.unassigned")}</option>
            {delegates.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={save}
            disabled={!hydrated || busy || delegateId === province.delegateId}
            className="rounded border px-2 py-1 text-xs font-medium hover:bg-gray-50 disabled:opacity-40"
          >
            {t("adminCommon.save")}
          </button>
        </div>
        <FeedbackLine feedback={feedback} testId="province-feedback" />
      </td>
      <td className="p-2 text-right tabular-nums">{province.clients}</td>
      <td className="p-2 text-right tabular-nums" data-testid="province-open-alerts">
        {province.openAlerts}
      </td>
    </tr>
  );
}
