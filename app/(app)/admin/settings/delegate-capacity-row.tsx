"use client";
import { useState } from "react";
import { setDelegateCapacity } from "@/lib/actions/admin/set-delegate-capacity";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, type Feedback } from "../_ui/feedback";

export function DelegateCapacityRow({ delegate, globalCapacity, locale }: { delegate: { id: number; name: string; active: boolean; dailyCapacity: number | null }; globalCapacity: number; locale: Locale }) {
  const t = translator(locale);
  const hydrated = useHydrated();
  const [value, setValue] = useState(delegate.dailyCapacity === null ? "" : String(delegate.dailyCapacity));
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function save() {
    setBusy(true);
    const dailyCapacity = value.trim() === "" ? null : Number(value);
    const result = await setDelegateCapacity({ delegateId: delegate.id, dailyCapacity });
    setBusy(false);
    setFeedback(
      result.ok
        ? { kind: "ok", text: t("settings.capacity.saved", { name: delegate.name }) }
        : { kind: "error", text: Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.error },
    );
  }

  return (
    <tr className="border-b last:border-0" data-testid="capacity-row">
      <td className="p-2">{delegate.name}</td>
      <td className="p-2">
        <div className="flex items-center gap-2">
          <input
            type="number"
            min={1}
            max={500}
            step={1}
            placeholder={String(globalCapacity)}
            aria-label={`${t("settings.capacity.col.capacity")} · ${delegate.name}`}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            disabled={!hydrated || busy}
            className="w-24 rounded-md border-gray-300 py-1 text-sm"
          />
          <button type="button" onClick={save} disabled={!hydrated || busy} className="rounded border px-2 py-1 text-xs font-medium hover:bg-gray-50 disabled:opacity-40">
            {t("adminCommon.save")}
          </button>
        </div>
        <FeedbackLine feedback={feedback} />
      </td>
    </tr>
  );
}
