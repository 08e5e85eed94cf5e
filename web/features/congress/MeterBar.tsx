/**
 * A horizontal share bar with a marked minimum (teacher share vs 60%, present vs quorum). Purely
 * visual: callers always say the same numbers in text next to it.
 */
export function MeterBar({ value, line, lineLabel, ok }: { value: number; line?: number; lineLabel?: string; ok: boolean }) {
  const pct = (x: number) => `${Math.max(0, Math.min(1, x)) * 100}%`;
  return (
    <div className="cx-bar" aria-hidden>
      <div className={ok ? 'cx-bar-fill cx-ok-bg' : 'cx-bar-fill cx-bad-bg'} style={{ width: pct(value) }} />
      {line !== undefined && (
        <div className="cx-bar-line" style={{ left: pct(line) }}>
          {lineLabel && <span>{lineLabel}</span>}
        </div>
      )}
    </div>
  );
}
