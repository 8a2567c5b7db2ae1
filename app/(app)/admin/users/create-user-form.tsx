"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createUser } from "@/lib/actions/admin/create-user";
import { ROLES, type RoleName } from "@/lib/auth/roles";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, FieldError, type Feedback } from "../_ui/feedback";

const EMPTY = { email: "", name: "", role: "DELEGATE" as RoleName, password: "" };

export function CreateUserForm({ locale }: { locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await createUser(form);
    setBusy(false);
    if (result.ok) {
      setForm(EMPTY);
      setFieldErrors(undefined);
      setFeedback({ kind: "ok", text: t("users.created") });
      router.refresh();
    } else {
      setFieldErrors(result.fieldErrors);
      setFeedback({ kind: "error", text: result.error });
    }
  }

  const input = "mt-1 block w-full rounded-md border-gray-300 text-sm";
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border bg-white p-4" data-testid="create-user-form">
      <h2 className="font-semibold">{t("users.create")}</h2>
      <div className="grid gap-4 md:grid-cols-4">
        <label className="text-sm">
          {t("users.email")}
          <input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} className={input} autoComplete="off" />
          <FieldError errors={fieldErrors} field="email" />
        </label>
        <label className="text-sm">
          {t("users.name")}
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} className={input} />
          <FieldError errors={fieldErrors} field="name" />
        </label>
        <label className="text-sm">
          {t("users.role")}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as RoleName })} className={input}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("users.password")}
          <input type="password" required value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} className={input} autoComplete="new-password" />
          <span className="mt-1 block text-xs text-gray-500">{t("users.passwordRules")}</span>
          <FieldError errors={fieldErrors} field="password" />
        </label>
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={!hydrated || busy} className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50">
          {t("users.submit")}
        </button>
        <FeedbackLine feedback={feedback} testId="create-user-feedback" />
      </div>
    </form>
  );
}
