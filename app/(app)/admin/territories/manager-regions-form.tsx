"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { setManagerRegions } from "@/lib/actions/admin/set-manager-regions";
import type { TerritoryManager } from "@/lib/data/admin/get-territories";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, type Feedback } from "../_ui/feedback";

export function ManagerRegionsForm({ manager, regions, locale }: { manager: TerritoryManager; regions: { code: string; name: string }[]; locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [selected, setSelected] = useState<Set<string>>(new Set(manager.regionCodes));
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  const toggle = (code: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  async function save() {
    setBusy(true);
    const result = await setManagerRegions({ managerId: manager.userId, regionCodes: [...selected] });
    setBusy(false);
    setFeedback(result.ok ? { kind: "ok", text: t("adminCommon.saved") } : { kind: "error", text: result.error });
    if (result.ok) router.refresh();
  }

  return (
    <div className="rounded-lg border bg-white p-4" data-testid="manager-regions" data-manager-id={manager.userId}>
      <div className="mb-2 font-medium">
        {manager.name} <span className="text-xs font-normal text-gray-500">{manager.email}</span>{" "}
        {!manager.active && <span className="text-xs text-gray-400">{t("territories.inactive")}</span>}
      </div>
      <div className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {regions.map((region) => (
          <label key={region.code} className="flex items-center gap-2">
            <input type="checkbox" className="rounded" checked={selected.has(region.code)} onChange={() => toggle(region.code)} disabled={!hydrated || busy} />
            {region.name}
          </label>
        ))}
      </div>
      <div className="mt-3 flex items-center gap-3">
        <button type="button" onClick={save} disabled={!hydrated || busy} className="rounded border px-3 py-1 text-xs font-medium hover:bg-gray-50 disabled:opacity-40">
          {t("adminCommon.save")}
        </button>
        <FeedbackLine feedback={feedback} />
      </div>
    </div>
  );
}
