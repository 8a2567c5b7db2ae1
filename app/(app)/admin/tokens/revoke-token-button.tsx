"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { revokeApiToken } from "@/lib/actions/admin/revoke-api-token";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, type Feedback } from "../_ui/feedback";

export function RevokeTokenButton({ tokenId, locale }: { tokenId: number; locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  async function revoke() {
    setBusy(true);
    const result = await revokeApiToken({ tokenId });
    setBusy(false);
    setFeedback(result.ok ? { kind: "ok", text: t("tokens.revoked") } : { kind: "error", text: result.error });
    if (result.ok) router.refresh();
  }
  return (
    <div>
      <button type="button" onClick={revoke} disabled={!hydrated || busy} className="rounded border border-red-200 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-50">
        {t("tokens.revoke")}
      </button>
      <FeedbackLine feedback={feedback} />
    </div>
  );
}
