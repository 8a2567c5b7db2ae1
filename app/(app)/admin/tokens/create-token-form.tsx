"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createApiToken } from "@/lib/actions/admin/create-api-token";
import type { RoleName } from "@/lib/auth/roles";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, FieldError, type Feedback } from "../_ui/feedback";

export function CreateTokenForm({ owners, locale }: { owners: { id: number; name: string; email: string; role: RoleName }[]; locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [userId, setUserId] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setCreated(null);
    const result = await createApiToken({ userId: Number(userId), name });
    setBusy(false);
    if (result.ok) {
      setCreated(result.data.token);
      setName("");
      setFieldErrors(undefined);
      setFeedback(null);
      router.refresh();
    } else {
      setFieldErrors(result.fieldErrors);
      setFeedback({ kind: "error", text: result.error });
    }
  }

  const input = "mt-1 block w-full rounded-md border-gray-300 text-sm";
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border bg-white p-4" data-testid="create-token-form">
      <h2 className="font-semibold">{t("tokens.create")}</h2>
      <div className="grid gap-4 md:grid-cols-3">
        <label className="text-sm">
          {t("tokens.user")}
          <select required value={userId} onChange={(e) => setUserId(e.target.value)} className={input}>
            <option value="">{t("tokens.chooseUser")}</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name} · {t(`role.${owner.role}`)} · {owner.email}
              </option>
            ))}
          </select>
          <FieldError errors={fieldErrors} field="userId" />
        </label>
        <label className="text-sm">
          {t("tokens.name")}
          <input required value={name} onChange={(e) => setName(e.target.value)} className={input} />
          <FieldError errors={fieldErrors} field="name" />
        </label>
        <div className="flex items-end">
          <button type="submit" disabled={!hydrated || busy} className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50">
            {t("tokens.submit")}
          </button>
        </div>
      </div>
      <FeedbackLine feedback={feedback} />
      {created && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" role="status">
          <p className="font-medium text-amber-900">{t("tokens.createdOnce")}</p>
          <code className="mt-2 block select-all break-all rounded bg-white p-2 font-mono text-xs" data-testid="created-token">
            {created}
          </code>
        </div>
      )}
    </form>
  );
}
