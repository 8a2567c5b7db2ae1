import type { AlertReason, AlertTrace } from "@/lib/data/inbox/read-alert-explanation";
import { translator, type Locale } from "@/lib/i18n/messages";

export function ReasonsAndTrace({ reasons, trace, locale }: { reasons: AlertReason[]; trace: AlertTrace; locale: Locale }) {
  const t = translator(locale);
  const maxWeight = Math.max(0, ...reasons.map((reason) => Math.abs(reason.weight ?? 0)));
  return (
    <>
      <section className="rounded-lg border bg-white p-4">
        <h2 className="mb-3 font-semibold">{t("alert.reasons")}</h2>
        {reasons.length ? (
          <ol className="space-y-2" data-testid="alert-reasons">
            {reasons.map((reason, index) => (
              <li key={`${reason.code ?? ""}-${index}`} className="flex gap-3 text-sm">
                <span className="mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-blue-100 text-xs font-semibold text-blue-800">{index + 1}</span>
                <div className="flex-1">
                  <p>{reason.text}</p>
                  {reason.weight !== null && maxWeight > 0 && (
                    <div className="mt-1 h-1.5 w-full max-w-xs rounded bg-gray-100" aria-hidden>
                      <div className="h-full rounded bg-blue-400" style={{ width: `${Math.round((Math.abs(reason.weight) / maxWeight) * 100)}%` }} />
                    </div>
                  )}
                </div>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-gray-500">{t("alert.noReasons")}</p>
        )}
      </section>
      <section className="rounded-lg border bg-white p-4" data-testid="alert-trace">
        <h2 className="mb-3 font-semibold">{t("alert.trace")}</h2>
        {trace.steps.length === 0 && trace.facts.length === 0 && <p className="text-sm text-gray-500">{t("alert.noTrace")}</p>}
        {trace.steps.length > 0 && (
          <table className="mb-4 w-full text-sm">
            <caption className="mb-1 text-left text-xs font-medium uppercase tracking-wide text-gray-500">{t("alert.trace.checks")}</caption>
            <tbody>
              {trace.steps.map((step, index) => (
                <tr key={`${step.rule}-${index}`} className="border-b last:border-0">
                  <td className="w-6 py-1.5 align-top">
                    {step.passed === null ? "·" : step.passed ? (
                      <span className="text-green-700" title={t("alert.trace.passed")} aria-label={t("alert.trace.passed")}>✓</span>
                    ) : (
                      <span className="text-gray-400" title={t("alert.trace.failed")} aria-label={t("alert.trace.failed")}>✗</span>
                    )}
                  </td>
                  <td className="py-1.5 pr-3 align-top">{step.rule}</td>
                  <td className="py-1.5 align-top tabular-nums text-gray-600">{step.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {trace.facts.length > 0 && (
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            {trace.facts.map((fact, index) => (
              <div key={`${fact.label}-${index}`} className="contents">
                <dt className="text-gray-500">{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </>
  );
}
