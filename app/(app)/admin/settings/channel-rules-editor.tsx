"use client";
// The channel rule table, edited as a whole: rows can be changed, added and removed, then saved in
// one transaction; errors come back per row and column (rules.<row>.<column>).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { saveChannelRules } from "@/lib/actions/admin/save-channel-rules";
import type { AlertSettingsAdmin } from "@/lib/data/admin/alert-setting-fields";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, FieldError, type Feedback } from "../_ui/feedback";

const MOTIVES = ["REPLENISHMENT", "CAPTURE", "DETERIORATION", "CHURN_RISK", "REACTIVATION"] as const;
const BANDS = ["HIGH", "MEDIUM", "LOW"] as const;
const CHANNELS = ["FIELD_VISIT", "DELEGATE_CALL", "TELESALES", "MARKETING_AUTOMATION"] as const;

type Rule = AlertSettingsAdmin["channelRules"][number];
interface Row {
  key: string;
  id: number | null;
  position: string;
  motive: string;
  priorityBand: string;
  minImpact: string;
  channel: string;
  responseDays: string;
  description: string;
}

let nextKey = 0;
const toRow = (rule: Rule): Row => ({
  key: `r${nextKey++}`,
  id: rule.id,
  position: String(rule.position),
  motive: rule.motive ?? "",
  priorityBand: rule.priorityBand ?? "",
  minImpact: rule.minImpact === null ? "" : String(rule.minImpact),
  channel: rule.channel,
  responseDays: String(rule.responseDays),
  description: rule.description,
});

const num = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.replace(",", ".")));

export function ChannelRulesEditor({ rules, areDefaults, locale }: { rules: Rule[]; areDefaults: boolean; locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [rows, setRows] = useState<Row[]>(() => rules.map(toRow));
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>();

  const update = (key: string, patch: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () =>
    setRows((current) => [
      ...current,
      toRow({ id: null, position: Math.max(0, ...current.map((r) => num(r.position) || 0)) + 10, motive: null, priorityBand: null, minImpact: null, channel: "TELESALES", responseDays: 7, description: "" }),
    ]);

  async function save() {
    setBusy(true);
    const result = await saveChannelRules({
      rules: rows.map((row) => ({
        id: row.id,
        position: num(row.position),
        motive: (row.motive || null) as Rule["motive"],
        priorityBand: (row.priorityBand || null) as Rule["priorityBand"],
        minImpact: row.minImpact.trim() === "" ? null : num(row.minImpact),
        channel: row.channel as Rule["channel"],
        responseDays: num(row.responseDays),
        description: row.description,
      })),
    });
    setBusy(false);
    if (result.ok) {
      setFieldErrors(undefined);
      const saved = t("settings.rules.saved", { count: result.data.rules });
      setFeedback({ kind: "ok", text: result.data.missingCatchAll ? `${saved} ${t("settings.rules.missingCatchAll")}` : saved });
      router.refresh();
    } else {
      setFieldErrors(result.fieldErrors);
      setFeedback({ kind: "error", text: result.error });
    }
  }

  const disabled = !hydrated || busy;
  const cell = "rounded-md border-gray-300 py-1 text-xs";
  return (
    <div className="space-y-3 rounded-lg border bg-white p-4" data-testid="channel-rules">
      <h2 className="text-lg font-semibold">{t("settings.rules.title")}</h2>
      <p className="text-sm text-gray-600">{t("settings.rules.help")}</p>
      {areDefaults && <p className="text-xs text-gray-500">{t("settings.rules.defaults")}</p>}
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="border-b text-left text-gray-500">
            <tr>
              {(["position", "motive", "band", "minImpact", "channel", "responseDays", "description"] as const).map((col) => (
                <th key={col} className="p-1 font-medium">
                  {t(`settings.rules.col.${col}`)}
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key} className="border-b align-top last:border-0" data-testid="channel-rule-row">
                <td className="p-1">
                  <input aria-label={t("settings.rules.col.position")} type="number" step={1} value={row.position} onChange={(e) => update(row.key, { position: e.target.value })} disabled={disabled} className={`${cell} w-20`} />
                  <FieldError errors={fieldErrors} field={`rules.${index}.position`} />
                </td>
                <td className="p-1">
                  <select aria-label={t("settings.rules.col.motive")} value={row.motive} onChange={(e) => update(row.key, { motive: e.target.value })} disabled={disabled} className={cell}>
                    <option value="">{t("settings.rules.any")}</option>
                    {MOTIVES.map((m) => (
                      <option key={m} value={m}>
                        {t(`motive.${m}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="p-1">
                  <select aria-label={t("settings.rules.col.band")} value={row.priorityBand} onChange={(e) => update(row.key, { priorityBand: e.target.value })} disabled={disabled} className={cell}>
                    <option value="">{t("settings.rules.any")}</option>
                    {BANDS.map((b) => (
                      <option key={b} value={b}>
                        {t(`band.${b}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="p-1">
                  <input aria-label={t("settings.rules.col.minImpact")} type="number" min={0} step="any" value={row.minImpact} onChange={(e) => update(row.key, { minImpact: e.target.value })} disabled={disabled} className={`${cell} w-24`} />
                  <FieldError errors={fieldErrors} field={`rules.${index}.minImpact`} />
                </td>
                <td className="p-1">
                  <select aria-label={t("settings.rules.col.channel")} value={row.channel} onChange={(e) => update(row.key, { channel: e.target.value })} disabled={disabled} className={cell}>
                    {CHANNELS.map((c) => (
                      <option key={c} value={c}>
                        {t(`channel.${c}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="p-1">
                  <input aria-label={t("settings.rules.col.responseDays")} type="number" min={0} max={365} step={1} value={row.responseDays} onChange={(e) => update(row.key, { responseDays: e.target.value })} disabled={disabled} className={`${cell} w-20`} />
                  <FieldError errors={fieldErrors} field={`rules.${index}.responseDays`} />
                </td>
                <td className="p-1">
                  <input aria-label={t("settings.rules.col.description")} value={row.description} onChange={(e) => update(row.key, { description: e.target.value })} disabled={disabled} className={`${cell} w-80`} />
                  <FieldError errors={fieldErrors} field={`rules.${index}.description`} />
                </td>
                <td className="p-1">
                  <button type="button" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))} disabled={disabled || rows.length === 1} className="text-xs text-red-700 underline disabled:opacity-40">
                    {t("settings.rules.remove")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FieldError errors={fieldErrors} field="rules" />
      <div className="flex items-center gap-3">
        <button type="button" onClick={add} disabled={disabled} className="rounded border px-3 py-1.5 text-sm hover:bg-gray-50 disabled:opacity-40">
          {t("settings.rules.add")}
        </button>
        <button type="button" onClick={save} disabled={disabled} className="rounded-md bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50">
          {t("settings.rules.save")}
        </button>
        <FeedbackLine feedback={feedback} testId="rules-feedback" />
      </div>
    </div>
  );
}
