import { describe, expect, it } from 'vitest';
import type { Target } from '../dashboard/model.ts';
import { planQueries } from './panel-queries.ts';

const t = (expr: string, extra: Partial<Target> = {}): Target => ({ refId: 'A', expr, ...extra });
const hour = 3_600_000; // ms
const end = Date.UTC(2026, 0, 1, 12, 0, 7); // ms, deliberately off any step boundary

describe('planQueries', () => {
  it('fills $__rate_interval from the step and scrape interval (Grafana: max(interval + scrape, 4 × scrape))', () => {
    const [q] = planQueries(
      { targets: [t('rate(x[$__rate_interval])')] },
      { start: end - hour, end },
      720,
      5,
    );
    // 1 h over 720 px → 5 s step; rate interval = max(5 + 5, 20) = 20 s
    expect(q!.step).toBe(5);
    expect(q!.expr).toBe('rate(x[20s])');
  });

  it('aligns start and end to the step so every viewer sends the same request', () => {
    const [a] = planQueries({ targets: [t('up')] }, { start: end - hour, end }, 600, 15);
    const [b] = planQueries(
      { targets: [t('up')] },
      { start: end - hour + 900, end: end + 900 },
      600,
      15,
    );
    expect(a!.start % a!.step).toBe(0);
    expect(a!.end % a!.step).toBe(0);
    expect(a!.end).toBeLessThanOrEqual(end / 1000);
    expect(b).toEqual(a);
  });

  it('never steps below the scrape interval nor a min interval, and uses one step for all targets', () => {
    const qs = planQueries(
      { targets: [t('a'), t('b', { refId: 'B', interval: '1m' })] },
      { start: end - 5 * 60_000, end },
      2000,
      5,
    );
    expect(qs.map((q) => q.step)).toEqual([60, 60]);
  });

  it('keeps Prometheus $1 / ${1} untouched and skips hidden or empty targets', () => {
    const qs = planQueries(
      {
        targets: [
          t('label_replace(up, "x", "${1}xx", "code", "(.).*")'),
          t('hidden', { refId: 'B', hide: true }),
          t('  ', { refId: 'C' }),
        ],
      },
      { start: end - hour, end },
      600,
      15,
    );
    expect(qs).toHaveLength(1);
    expect(qs[0]!.expr).toBe('label_replace(up, "x", "${1}xx", "code", "(.).*")');
  });

  it('caps a week at 11,000 points per series', () => {
    const week = 7 * 24 * hour;
    const [q] = planQueries({ targets: [t('up')] }, { start: end - week, end }, 100_000, 1);
    expect(q!.step).toBe(Math.ceil(week / 1000 / 11_000));
  });

  it('keeps an explicit step, raised only to stay within 11,000 points', () => {
    const [q] = planQueries({ targets: [t('up')] }, { start: end - hour, end }, 600, 15, 2);
    expect(q!.step).toBe(2);
    const [week] = planQueries(
      { targets: [t('up')] },
      { start: end - 7 * 24 * hour, end },
      600,
      15,
      2,
    );
    expect(week!.step).toBe(Math.ceil((7 * 24 * 3600) / 11_000));
  });
});
