// The outcome of an action, next to the control that ran it: a confirmation or an error.
export type Feedback = { kind: "ok" | "error"; text: string } | null;

export function FeedbackLine({ feedback, testId }: { feedback: Feedback; testId?: string }) {
  if (!feedback) return null;
  return feedback.kind === "ok" ? (
    <p className="text-sm text-green-700" role="status" data-testid={testId}>
      {feedback.text}
    </p>
  ) : (
    <p className="text-sm text-red-700" role="alert" data-testid={testId}>
      {feedback.text}
    </p>
  );
}

/** Field errors of an action, by field path. */
export function FieldError({ errors, field }: { errors: Record<string, string[]> | undefined; field: string }) {
  const messages = errors?.[field];
  if (!messages?.length) return null;
  return <p className="mt-1 text-xs text-red-700">{messages.join(" ")}</p>;
}
