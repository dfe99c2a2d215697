import { describe, expect, it } from 'vitest';
import type { Target } from '../model/model.ts';
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

  it('caps a week at 11,000 points per series, with the step rounded to a nice value', () => {
    const week = 7 * 24 * hour;
    const [q] = planQueries({ targets: [t('up')] }, { start: end - week, end }, 100_000, 1);
    // Grafana's safe interval: a week / 11,000 = 55 s, rounded to 1 m.
    expect(q!.step).toBe(60);
    expect((q!.end - q!.start) / q!.step).toBeLessThanOrEqual(11_000);
  });

  it("rounds the interval to Grafana's nice values and takes the panel's max data points", () => {
    // 6 h over 1000 px = 21.6 s → 20 s; over maxDataPoints 100 = 216 s → 5 m.
    const six = { start: end - 6 * hour, end };
    expect(planQueries({ targets: [t('up')] }, six, 1000, 15)[0]!.step).toBe(20);
    expect(planQueries({ targets: [t('up')], maxDataPoints: 100 }, six, 1000, 15)[0]!.step).toBe(
      300,
    );
  });

  it('multiplies the step by intervalFactor, and a panel of several uses the coarsest', () => {
    const qs = planQueries(
      { targets: [t('a'), t('b', { refId: 'B', intervalFactor: 3 })] },
      { start: end - hour, end },
      1200,
      15,
    );
    expect(qs.map((q) => q.step)).toEqual([45, 45]);
  });

  it('steps below a second when the panel allows it', () => {
    const [q] = planQueries(
      { targets: [t('up')], interval: '100ms' },
      { start: end - 60_000, end },
      200,
      15,
    );
    // 60 s over 200 px = 300 ms → 200 ms.
    expect(q!.step).toBe(0.2);
    expect(Math.round(q!.start * 1000) % 200).toBe(0);
    expect(q!.end).toBe(Math.floor(end / 200) / 5);
  });

  it("aligns steps of a day or more to the dashboard's midnight, shorter ones to UTC", () => {
    const month = 30 * 24 * hour;
    const [day] = planQueries({ targets: [t('up')] }, { start: end - month, end }, 20, 15, 0, 3600);
    expect(day!.step).toBe(86_400);
    expect((day!.end + 3600) % 86_400).toBe(0);
    const [short] = planQueries(
      { targets: [t('up')] },
      { start: end - hour, end },
      600,
      15,
      0,
      3600,
    );
    expect(short!.end % short!.step).toBe(0);
  });

  it("asks an instant target at the range's end itself, in whole seconds", () => {
    const week = 7 * 24 * hour;
    const qs = planQueries(
      {
        targets: [
          t('up', { instant: true }),
          t('up', { refId: 'B', instant: true, range: true }),
          t('up', { refId: 'C', instant: false }),
        ],
      },
      { start: end - week, end },
      300,
      15,
    );
    expect(qs[0]).toMatchObject({
      instant: true,
      start: Math.floor(end / 1000),
      end: Math.floor(end / 1000),
    });
    // Both flags, or neither: a range query, as Grafana runs it for a graph.
    expect(qs.slice(1).map((q) => q.instant)).toEqual([false, false]);
    expect(qs[1]!.end).toBeLessThan(Math.floor(end / 1000));
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
