// A real progress bar (0..1), with its percentage for screen readers and tests.
export function ProgressBar({ fraction, label, testId }: { fraction: number; label: string; testId?: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div
      className="h-2.5 w-full overflow-hidden rounded bg-gray-200"
      role="progressbar"
      aria-label={label}
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
      data-testid={testId}
    >
      <div className="h-full bg-blue-600 transition-all duration-500" style={{ width: `${percent}%` }} />
    </div>
  );
}
