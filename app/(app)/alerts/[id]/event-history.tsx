import type { AlertEventView } from "@/lib/data/inbox/get-alert-detail";
import { MESSAGES, translator, type Locale, type MessageKey, type Translate } from "@/lib/i18n/messages";
import { formatDay, formatEuros, formatInstant } from "@/app/(app)/alerts/_ui/format";

const EVENT_KEYS = new Set(["CREATED", "UPDATED", "ATTENDED", "DISMISSED", "SNOOZED", "REOPENED", "EXPIRED", "REASSIGNED", "PURCHASE_ATTRIBUTED"]);

/** The outcome recorded with an action, in words: "Llamada del delegado · contactado · Venta conseguida · 1.200 €". */
function describePayload(payload: Record<string, unknown> | null, t: Translate, locale: Locale): string[] {
  if (!payload) return [];
  const parts: string[] = [];
  // Codes come from the database: an unknown one is shown as is rather than breaking the page.
  const label = (candidate: string, fallback: string) => (candidate in MESSAGES.es ? t(candidate as MessageKey) : fallback);
  if (typeof payload.channelUsed === "string") parts.push(label(`channel.${payload.channelUsed}`, payload.channelUsed));
  if (typeof payload.reached === "boolean") parts.push(`${t("actions.reached")} ${payload.reached ? t("actions.yes") : t("actions.no")}`);
  if (typeof payload.result === "string") parts.push(label(`actions.result.${payload.result}`, payload.result));
  if (typeof payload.amount === "number") parts.push(formatEuros(payload.amount, locale));
  if (typeof payload.reasonCode === "string") parts.push(label(`actions.reason.${payload.reasonCode}`, payload.reasonCode));
  if (typeof payload.until === "string") parts.push(t("actions.snoozedUntilNote", { date: formatDay(payload.until, locale) }));
  return parts;
}

export function EventHistory({ events, locale }: { events: AlertEventView[]; locale: Locale }) {
  const t = translator(locale);
  return (
    <section className="rounded-lg border bg-white p-4">
      <h2 className="mb-3 font-semibold">{t("alert.events")}</h2>
      {events.length === 0 ? (
        <p className="text-sm text-gray-500">{t("alert.events.none")}</p>
      ) : (
        <ol className="space-y-3 text-sm" data-testid="alert-events">
          {events.map((event) => (
            <li key={event.id} className="border-l-2 border-blue-200 pl-3" data-testid="alert-event" data-type={event.type}>
              <div className="font-medium">{EVENT_KEYS.has(event.type) ? t(`event.${event.type}` as MessageKey) : event.type}</div>
              <div className="text-xs text-gray-500">
                {formatInstant(event.at, locale)} · {event.userName ?? t("alert.events.system")}
              </div>
              {describePayload(event.payload, t, locale).length > 0 && <div className="mt-0.5 text-gray-700">{describePayload(event.payload, t, locale).join(" · ")}</div>}
              {typeof event.payload?.notes === "string" && <p className="mt-0.5 whitespace-pre-line text-gray-600">“{event.payload.notes}”</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
