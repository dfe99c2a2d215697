import { describe, expect, it } from 'vitest';
import { bigDashboard, collapsedPanelIds, panelOfRequest } from './big-dashboard.ts';
import { historyInstants, historySeries, seriesLines } from './history.ts';

describe('history generator', () => {
  it('thins with age: 15 s over the last day, 60 s to 7 days, 5 min beyond', () => {
    const end = 40 * 86_400;
    const ts = historyInstants(end - 30 * 86_400, end);
    const gaps = new Set(ts.slice(1).map((t, i) => t - (ts[i] ?? 0)));
    expect([...gaps].sort((a, b) => a - b)).toEqual([15, 60, 300]);
    expect(ts.at(-1)).toBeGreaterThan(end - 15);
    expect(ts.filter((t) => t > end - 3600).length).toBe(240);
  });

  it('writes counters monotonic but for one reset, as OpenMetrics lines', () => {
    const s = historySeries().find((x) => x.name === 'node_cpu_seconds_total');
    if (!s) throw new Error('no cpu series');
    const ts = historyInstants(0, 86_400);
    const lines = [...seriesLines(s, 3, ts)];
    expect(lines).toHaveLength(ts.length);
    expect(lines[0]).toMatch(
      /^node_cpu_seconds_total\{job="node",instance="node-a:9100",.*\} [\d.]+ \d+\n$/,
    );
    const values = lines.map((l) => Number(l.split(' ')[1]));
    const drops = values.slice(1).filter((v, i) => v < (values[i] ?? 0));
    expect(drops).toHaveLength(1);
  });

  it('has the demo metrics and node series of 3 instances', () => {
    const names = new Set(historySeries().map((s) => s.name));
    for (const n of ['http_requests_total', 'http_request_duration_seconds_bucket', 'node_load1'])
      expect(names.has(n)).toBe(true);
  });
});

describe('big dashboard', () => {
  it('has 130 panels in 10 rows, 39 of them in collapsed rows', () => {
    const d = bigDashboard() as { panels: { type: string; panels?: unknown[] }[] };
    const top = d.panels.filter((p) => p.type !== 'row').length;
    const nested = d.panels.reduce((n, p) => n + (p.panels?.length ?? 0), 0);
    expect(d.panels.filter((p) => p.type === 'row')).toHaveLength(10);
    expect(top + nested).toBe(130);
    expect(nested).toBe(39);
    expect(collapsedPanelIds().size).toBe(39);
  });

  it('names the panel of a request from its no-op matcher, encoded or not', () => {
    const expr = 'node_load1{bench_panel!="p17"}';
    expect(panelOfRequest(`/api/v1/query_range?${new URLSearchParams({ query: expr })}`)).toBe(17);
    expect(panelOfRequest(`x?query=${encodeURIComponent(expr)}`)).toBe(17);
    expect(panelOfRequest('/api/v1/query_range?query=up')).toBeNull();
  });
});
