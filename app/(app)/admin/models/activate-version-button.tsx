"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { activateModelVersion } from "@/lib/actions/admin/activate-model-version";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, type Feedback } from "../_ui/feedback";

export function ActivateVersionButton({ versionId, version, locale }: { versionId: number; version: string; locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  async function activate() {
    setBusy(true);
    const result = await activateModelVersion({ versionId });
    setBusy(false);
    setFeedback(result.ok ? { kind: "ok", text: t("models.activated", { version }) } : { kind: "error", text: result.error });
    if (result.ok) router.refresh();
  }
  return (
    <div>
      <button type="button" onClick={activate} disabled={!hydrated || busy} className="rounded border px-2 py-1 text-xs font-medium hover:bg-gray-50 disabled:opacity-50">
        {t("models.activate")}
      </button>
      <FeedbackLine feedback={feedback} />
    </div>
  );
}
