"use client";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { attendAlert } from "@/lib/actions/alerts/attend-alert";
import { dismissAlert } from "@/lib/actions/alerts/dismiss-alert";
import { reopenAlert } from "@/lib/actions/alerts/reopen-alert";
import { snoozeAlert } from "@/lib/actions/alerts/snooze-alert";
import type { ActionResult } from "@/lib/actions/define-action";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { formatDay } from "@/app/(app)/alerts/_ui/format";
import type { DismissReason } from "@/lib/alerts/alert-settings";

type Status = "OPEN" | "SNOOZED" | "ATTENDED" | "DISMISSED" | "EXPIRED";
type Mode = "attend" | "dismiss" | "snooze";

const CHANNELS = ["FIELD_VISIT", "DELEGATE_CALL", "TELESALES", "MARKETING_AUTOMATION"] as const;
const RESULTS = ["WON", "FOLLOW_UP", "LOST"] as const;

interface AlertState {
  id: number;
  version: number;
  status: Status;
  snoozeElapsed: boolean;
  snoozedUntil: string | null;
  channel: (typeof CHANNELS)[number];
}

type Feedback = { kind: "ok"; text: string } | { kind: "error"; text: string; fieldErrors?: Record<string, string[]> } | null;

const field = "mt-1 block w-full rounded-md border-gray-300 py-1.5 text-sm";
const labelClass = "block text-sm font-medium text-gray-700";

function plusDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Attend / dismiss / snooze / reopen. Each sends the version the page was rendered with; the
 *  server refuses a stale one with a clear message, and the page is refreshed after a change. */
export function AlertActions({
  alert,
  today,
  maxSnooze,
  dismissReasons,
  locale,
}: {
  alert: AlertState;
  today: string;
  maxSnooze: string;
  /** The alert engine's reason codes (lib/alerts), which also drive its cooling-off periods. */
  dismissReasons: readonly DismissReason[];
  locale: Locale;
}) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [mode, setMode] = useState<Mode | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<(typeof RESULTS)[number]>("WON");

  const workable = alert.status === "OPEN" || alert.status === "SNOOZED";
  const reopenable = alert.status === "ATTENDED" || alert.status === "DISMISSED" || (alert.status === "SNOOZED" && !alert.snoozeElapsed);
  const disabled = !hydrated || pending;

  function submit(run: () => Promise<ActionResult<{ status: Status }>>) {
    setFeedback(null);
    startTransition(async () => {
      const outcome = await run();
      if (outcome.ok) {
        setMode(null);
        setFeedback({ kind: "ok", text: t(`actions.saved.${outcome.data.status as "ATTENDED" | "DISMISSED" | "SNOOZED" | "OPEN"}`) });
        router.refresh();
      } else {
        setFeedback({ kind: "error", text: outcome.error, fieldErrors: outcome.fieldErrors });
        // After a conflict the page must show the alert as it is now (and carry its new version).
        if (!outcome.fieldErrors) router.refresh();
      }
    });
  }

  const target = { alertId: alert.id, version: alert.version };
  const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

  function onAttend(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amount = text(form, "amount");
    submit(() =>
      attendAlert({
        ...target,
        channelUsed: text(form, "channelUsed") as (typeof CHANNELS)[number],
        reached: text(form, "reached") === "yes",
        result: text(form, "result") as (typeof RESULTS)[number],
        amount: amount === "" ? null : Number(amount.replace(",", ".")),
        notes: text(form, "notes") || undefined,
      }),
    );
  }

  function onDismiss(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit(() => dismissAlert({ ...target, reasonCode: text(form, "reasonCode") as DismissReason, notes: text(form, "notes") || undefined }));
  }

  function onSnooze(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit(() => snoozeAlert({ ...target, until: text(form, "until"), notes: text(form, "notes") || undefined }));
  }

  const fieldError = (name: string): ReactNode =>
    feedback?.kind === "error" && feedback.fieldErrors?.[name] ? <p className="mt-1 text-xs text-red-700">{feedback.fieldErrors[name]!.join(" ")}</p> : null;

  const modeButton = (value: Mode, label: string) => (
    <button
      type="button"
      disabled={disabled}
      onClick={() => {
        setMode(mode === value ? null : value);
        setFeedback(null);
      }}
      aria-pressed={mode === value}
      className={`rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-50 ${mode === value ? "border-blue-600 bg-blue-50 text-blue-800" : "bg-white hover:bg-gray-50"}`}
    >
      {label}
    </button>
  );

  return (
    <section className="rounded-lg border bg-white p-4" data-testid="alert-actions">
      <h2 className="mb-3 font-semibold">{t("actions.title")}</h2>
      {alert.status === "SNOOZED" && alert.snoozedUntil && !alert.snoozeElapsed && (
        <p className="mb-3 text-sm text-purple-700">{t("actions.snoozedUntilNote", { date: formatDay(alert.snoozedUntil, locale) })}</p>
      )}
      {!workable && reopenable && <p className="mb-3 text-sm text-gray-600">{t("actions.closedNote")}</p>}
      <div className="flex flex-wrap gap-2">
        {workable && modeButton("attend", t("actions.attend"))}
        {workable && modeButton("dismiss", t("actions.dismiss"))}
        {workable && modeButton("snooze", t("actions.snooze"))}
        {reopenable && (
          <button
            type="button"
            disabled={disabled}
            onClick={() => submit(() => reopenAlert(target))}
            className="rounded-md border bg-white px-3 py-1.5 text-sm font-medium hover:bg-gray-50 disabled:opacity-50"
          >
            {t("actions.confirmReopen")}
          </button>
        )}
      </div>

      {mode === "attend" && (
        <form onSubmit={onAttend} className="mt-4 space-y-3" data-testid="attend-form">
          <label className={labelClass}>
            {t("actions.channelUsed")}
            <select name="channelUsed" defaultValue={alert.channel} className={field}>
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channel.${channel}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend className={labelClass}>{t("actions.reached")}</legend>
            <div className="mt-1 flex gap-4 text-sm">
              <label className="flex items-center gap-1.5">
                <input type="radio" name="reached" value="yes" defaultChecked /> {t("actions.yes")}
              </label>
              <label className="flex items-center gap-1.5">
                <input type="radio" name="reached" value="no" /> {t("actions.no")}
              </label>
            </div>
          </fieldset>
          <label className={labelClass}>
            {t("actions.result")}
            <select name="result" value={result} onChange={(event) => setResult(event.target.value as (typeof RESULTS)[number])} className={field}>
              {RESULTS.map((value) => (
                <option key={value} value={value}>
                  {t(`actions.result.${value}`)}
                </option>
              ))}
            </select>
            {fieldError("result")}
          </label>
          {result === "WON" && (
            <label className={labelClass}>
              {t("actions.amount")}
              <input type="number" name="amount" min="0" step="0.01" inputMode="decimal" className={field} />
              {fieldError("amount")}
            </label>
          )}
          <label className={labelClass}>
            {t("actions.notes")}
            <textarea name="notes" rows={2} maxLength={2000} className={field} />
          </label>
          <button type="submit" disabled={disabled} className="rounded-md bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50">
            {pending ? t("actions.saving") : t("actions.confirmAttend")}
          </button>
        </form>
      )}

      {mode === "dismiss" && (
        <form onSubmit={onDismiss} className="mt-4 space-y-3" data-testid="dismiss-form">
          <label className={labelClass}>
            {t("actions.dismissReason")}
            <select name="reasonCode" defaultValue="" required className={field}>
              <option value="" disabled>
                —
              </option>
              {dismissReasons.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`actions.reason.${reason}`)}
                </option>
              ))}
            </select>
            {fieldError("reasonCode")}
          </label>
          <label className={labelClass}>
            {t("actions.notes")}
            <textarea name="notes" rows={2} maxLength={2000} className={field} />
            {fieldError("notes")}
          </label>
          <button type="submit" disabled={disabled} className="rounded-md bg-gray-800 px-4 py-1.5 text-sm font-medium text-white hover:bg-gray-900 disabled:opacity-50">
            {pending ? t("actions.saving") : t("actions.confirmDismiss")}
          </button>
        </form>
      )}

      {mode === "snooze" && (
        <form onSubmit={onSnooze} className="mt-4 space-y-3" data-testid="snooze-form">
          <label className={labelClass}>
            {t("actions.snoozeUntil")}
            <input type="date" name="until" required min={plusDays(today, 1)} max={maxSnooze} defaultValue={plusDays(today, 7)} className={field} />
            {fieldError("until")}
          </label>
          <label className={labelClass}>
            {t("actions.notes")}
            <textarea name="notes" rows={2} maxLength={2000} className={field} />
          </label>
          <button type="submit" disabled={disabled} className="rounded-md bg-purple-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-purple-800 disabled:opacity-50">
            {pending ? t("actions.saving") : t("actions.confirmSnooze")}
          </button>
        </form>
      )}

      {feedback && (
        <p
          role={feedback.kind === "error" ? "alert" : "status"}
          data-testid={feedback.kind === "error" ? "action-error" : "action-message"}
          className={`mt-3 rounded-md p-2 text-sm ${feedback.kind === "error" ? "bg-red-50 text-red-700" : "bg-green-50 text-green-800"}`}
        >
          {feedback.text}
        </p>
      )}
    </section>
  );
}
