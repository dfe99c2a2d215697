// The readers on answers Debian's Prometheus 2.42 gave for the e2e rules file (trimmed), and on
// the shapes other servers and broken answers take.
import { describe, expect, it } from 'vitest';
import { readAlerts, readLabels, readRules, readTargets, readTime } from './prometheus.ts';

const ACTIVE = '2026-12-05T12:05:21.069068908Z';
const ACTIVE_MS = Date.UTC(2026, 11, 5, 12, 5, 21, 69);

describe('readTime', () => {
  it.each([
    [ACTIVE, ACTIVE_MS],
    ['2026-12-05T12:05:21Z', Date.UTC(2026, 11, 5, 12, 5, 21)],
    ['2026-12-05T12:05:21.5Z', Date.UTC(2026, 11, 5, 12, 5, 21, 500)],
    ['2026-12-05T14:05:21.069+02:00', ACTIVE_MS],
    ['0001-01-01T00:00:00Z', undefined],
    ['', undefined],
    [null, undefined],
    [1733400000, undefined],
    ['yesterday', undefined],
    ['2026-13-45T99:00:00Z', undefined],
  ])('%j', (text, ms) => {
    expect(readTime(text)).toBe(ms);
  });
});

describe('readLabels', () => {
  it('keeps strings, writes numbers out, leaves the rest', () => {
    expect(readLabels({ a: 'x', b: 2, c: null, d: { e: 1 }, f: ['g'] })).toEqual({
      a: 'x',
      b: '2',
    });
    expect(readLabels(null)).toEqual({});
    expect(readLabels(['a'])).toEqual({});
  });
});

describe('readAlerts', () => {
  it("reads Prometheus' answer", () => {
    const data = {
      alerts: [
        {
          labels: { alertname: 'PromscopeAlwaysFiring', severity: 'warning' },
          annotations: { summary: 'Always firing, for the tests' },
          state: 'firing',
          activeAt: ACTIVE,
          value: '1e+00',
        },
        {
          labels: { alertname: 'PromscopePending' },
          annotations: {},
          state: 'pending',
          activeAt: ACTIVE,
          value: '1e+00',
        },
      ],
    };
    expect(readAlerts(data)).toEqual([
      {
        labels: { alertname: 'PromscopeAlwaysFiring', severity: 'warning' },
        annotations: { summary: 'Always firing, for the tests' },
        state: 'firing',
        activeAt: ACTIVE_MS,
        value: '1e+00',
        keepFiringSince: undefined,
      },
      {
        labels: { alertname: 'PromscopePending' },
        annotations: {},
        state: 'pending',
        activeAt: ACTIVE_MS,
        value: '1e+00',
        keepFiringSince: undefined,
      },
    ]);
  });

  it('reads broken answers as empty, never throwing', () => {
    expect(readAlerts(null)).toEqual([]);
    expect(readAlerts({ alerts: 'x' })).toEqual([]);
    expect(readAlerts({ alerts: [null, 1, 'a'] })).toEqual([]);
    expect(readAlerts({ alerts: [{}] })).toEqual([
      {
        labels: {},
        annotations: {},
        state: 'firing',
        activeAt: undefined,
        value: '',
        keepFiringSince: undefined,
      },
    ]);
  });
});

describe('readRules', () => {
  const GROUP = {
    name: 'promscope-e2e',
    file: '/tmp/rules.yml',
    rules: [
      {
        state: 'pending',
        name: 'PromscopePending',
        query: 'vector(1)',
        duration: 3600,
        keepFiringFor: 0,
        labels: {},
        annotations: {},
        alerts: [
          {
            labels: { alertname: 'PromscopePending' },
            annotations: {},
            state: 'pending',
            activeAt: ACTIVE,
            value: '1e+00',
          },
        ],
        health: 'ok',
        evaluationTime: 0.000069362,
        lastEvaluation: '2026-12-05T12:05:25.071621794Z',
        type: 'alerting',
      },
      {
        name: 'job:up:sum',
        query: 'sum by (job) (up)',
        health: 'ok',
        evaluationTime: 0.000182759,
        lastEvaluation: '2026-12-05T12:05:25.071714311Z',
        type: 'recording',
      },
      {
        name: 'broken',
        query: 'x',
        health: 'err',
        lastError: 'many-to-many matching not allowed',
        type: 'recording',
        lastEvaluation: '0001-01-01T00:00:00Z',
      },
    ],
    interval: 1,
    limit: 0,
    evaluationTime: 0.001216392,
    lastEvaluation: '2026-12-05T12:05:25.070683493Z',
  };

  it("reads Prometheus' answer", () => {
    const { groups, groupNextToken } = readRules({ groups: [GROUP] });
    expect(groupNextToken).toBeUndefined();
    expect(groups).toHaveLength(1);
    const g = groups[0]!;
    expect(g).toMatchObject({
      name: 'promscope-e2e',
      file: '/tmp/rules.yml',
      interval: 1,
      limit: 0,
      evaluationTime: 0.001216392,
    });
    expect(g.lastEvaluation).toBe(Date.UTC(2026, 11, 5, 12, 5, 25, 70));
    expect(g.rules[0]).toMatchObject({
      type: 'alerting',
      state: 'pending',
      duration: 3600,
      health: 'ok',
      lastError: '',
    });
    expect(g.rules[0]!.type === 'alerting' && g.rules[0]!.alerts[0]!.state).toBe('pending');
    expect(g.rules[1]).toEqual({
      type: 'recording',
      name: 'job:up:sum',
      query: 'sum by (job) (up)',
      labels: {},
      health: 'ok',
      lastError: '',
      evaluationTime: 0.000182759,
      lastEvaluation: Date.UTC(2026, 11, 5, 12, 5, 25, 71),
    });
    expect(g.rules[2]).toMatchObject({
      health: 'err',
      lastError: 'many-to-many matching not allowed',
      lastEvaluation: undefined,
    });
  });

  it('keeps the next page token, and reads broken answers as empty', () => {
    expect(readRules({ groups: [], groupNextToken: 'abc' })).toEqual({
      groups: [],
      groupNextToken: 'abc',
    });
    expect(readRules(undefined)).toEqual({ groups: [] });
    expect(
      readRules({ groups: [{ rules: [{ health: 'weird', alerts: [] }] }] }).groups[0]!.rules[0],
    ).toMatchObject({
      type: 'alerting',
      health: 'unknown',
      state: 'inactive',
      name: '',
    });
  });
});

describe('readTargets', () => {
  it("reads Prometheus' answer, a down target with its error", () => {
    const data = {
      activeTargets: [
        {
          discoveredLabels: { __address__: '127.0.0.1:1', job: 'down' },
          labels: { instance: '127.0.0.1:1', job: 'down' },
          scrapePool: 'down',
          scrapeUrl: 'http://127.0.0.1:1/metrics',
          globalUrl: 'http://vm:1/metrics',
          lastError:
            'Get "http://127.0.0.1:1/metrics": dial tcp 127.0.0.1:1: connect: connection refused',
          lastScrape: '2026-12-05T12:05:29.741912842Z',
          lastScrapeDuration: 0.000596219,
          health: 'down',
          scrapeInterval: '1s',
          scrapeTimeout: '1s',
        },
      ],
      droppedTargets: [{ discoveredLabels: { __address__: 'x:1' } }],
    };
    const t = readTargets(data);
    expect(t.activeTargets[0]).toMatchObject({
      scrapePool: 'down',
      health: 'down',
      lastScrape: Date.UTC(2026, 11, 5, 12, 5, 29, 741),
      lastError: expect.stringContaining('connection refused'),
    });
    expect(t.droppedTargets).toEqual([{ discoveredLabels: { __address__: 'x:1' } }]);
    expect(t.droppedTargetCounts).toBeUndefined();
  });

  it('reads dropped counts, and broken answers as empty', () => {
    expect(readTargets({ droppedTargetCounts: { node: 3, bad: 'x' } })).toEqual({
      activeTargets: [],
      droppedTargets: [],
      droppedTargetCounts: { node: 3 },
    });
    expect(readTargets('x')).toEqual({ activeTargets: [], droppedTargets: [] });
    expect(
      readTargets({ activeTargets: [{ health: 'sideways', lastScrape: '0001-01-01T00:00:00Z' }] })
        .activeTargets[0],
    ).toMatchObject({
      health: 'unknown',
      lastScrape: undefined,
      scrapePool: '',
    });
  });
});
