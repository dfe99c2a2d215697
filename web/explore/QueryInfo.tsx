// What each query returned and cost: series, points, step, Prometheus' own time (from the
// proxy's Server-Timing) and the round trip; Prometheus' warnings and infos below.
import type { QueryOutcome } from '../panels/use-panel-data.ts';
import { formatDuration } from '../time/duration.ts';

const ms = (v: number | undefined) =>
  v === undefined ? '–' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

export function QueryInfo({
  outcomes,
  warnings,
}: {
  outcomes: QueryOutcome[];
  warnings: string[];
}) {
  if (outcomes.length === 0) return null;
  return (
    <section class="query-info" aria-label="Query info">
      {outcomes.map((o) => (
        <p key={o.refId} data-ref={o.refId}>
          <strong>{o.refId}</strong>{' '}
          {o.loading
            ? 'running…'
            : o.error
              ? 'failed'
              : `${o.series} series · ${o.samples} points · step ${formatDuration(o.step * 1000)} · Prometheus ${ms(o.upstreamMs)} · total ${ms(o.totalMs)}`}
        </p>
      ))}
      {warnings.map((w) => (
        <p key={w} class="panel-notice" role="status">
          {w}
        </p>
      ))}
    </section>
  );
}
