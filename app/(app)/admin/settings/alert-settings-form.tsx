"use client";
// The thresholds form: one number per setting, grouped by motive, each with its default; the server
// validates field by field and then as a whole, and its errors come back next to the fields.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { saveAlertSettingsAction } from "@/lib/actions/admin/save-alert-settings";
import type { AlertSettingsAdmin } from "@/lib/data/admin/alert-setting-fields";
import { translator, type Locale, type MessageKey } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, FieldError, type Feedback } from "../_ui/feedback";

type Field = AlertSettingsAdmin["fields"][number];

export function AlertSettingsForm({ fields, locale }: { fields: Field[]; locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.path, String(f.value)])));
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>();

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const changes: Record<string, number> = {};
    for (const f of fields) {
      const text = values[f.path]?.trim().replace(",", ".") ?? "";
      const value = text === "" ? Number.NaN : Number(text);
      if (value !== f.value) changes[f.path] = value;
    }
    const result = await saveAlertSettingsAction(changes);
    setBusy(false);
    if (result.ok) {
      setFieldErrors(undefined);
      setFeedback({ kind: "ok", text: t("settings.saved") });
      router.refresh();
    } else {
      setFieldErrors(result.fieldErrors);
      setFeedback({ kind: "error", text: result.error });
    }
  }

  const groups = [...new Set(fields.map((f) => f.group))];
  return (
    <form onSubmit={save} className="space-y-4 rounded-lg border bg-white p-4" data-testid="alert-settings-form">
      <h2 className="text-lg font-semibold">{t("settings.thresholds")}</h2>
      {groups.map((group) => (
        <fieldset key={group} className="space-y-2">
          <legend className="text-sm font-semibold text-gray-700">{t(`settings.group.${group}` as MessageKey)}</legend>
          <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
            {fields
              .filter((f) => f.group === group)
              .map((f) => (
                <label key={f.path} className="text-sm">
                  <span className="block text-gray-700">{t(`settings.field.${f.path}` as MessageKey)}</span>
                  <span className="mt-1 flex items-center gap-2">
                    <input
                      type="number"
                      step={f.integer ? 1 : "any"}
                      min={f.min}
                      max={f.max}
                      value={values[f.path] ?? ""}
                      onChange={(e) => setValues({ ...values, [f.path]: e.target.value })}
                      disabled={!hydrated || busy}
                      data-setting={f.path}
                      className="w-32 rounded-md border-gray-300 text-sm"
                    />
                    <span className="text-xs text-gray-500">{t(`settings.unit.${f.kind}`)}</span>
                  </span>
                  <span className="block text-xs text-gray-400">{t("settings.default", { value: f.defaultValue })}</span>
                  <FieldError errors={fieldErrors} field={f.path} />
                </label>
              ))}
          </div>
        </fieldset>
      ))}
      <div className="flex items-center gap-4">
        <button type="submit" disabled={!hydrated || busy} className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50">
          {t("settings.save")}
        </button>
        <FeedbackLine feedback={feedback} testId="settings-feedback" />
      </div>
    </form>
  );
}
