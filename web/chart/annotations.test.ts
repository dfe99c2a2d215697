import { describe, expect, it } from 'vitest';
import type { RangeSeries } from '../api/types.ts';
import type { AnnotationSource } from './annotation-types.ts';
import { showsOnPanel } from './annotation-types.ts';
import {
  ALERT_COLORS,
  alertEvents,
  placeAnnotations,
  promAnnotationEvents,
  renderFormat,
  tagKeyList,
} from './annotations.ts';

const source = (over: Partial<AnnotationSource> = {}): AnnotationSource => ({
  index: 0,
  name: 'test',
  color: 'red',
  titleFormat: '',
  textFormat: '',
  tagKeys: '',
  useValueForTime: false,
  ...over,
});

/** A series from Grafana's frame fields: times in ms, values as numbers or strings. */
function series(times: number[], values: (number | string)[], metric = {}): RangeSeries {
  return { metric, values: times.map((t, i) => [t / 1000, String(values[i])]) };
}

const span = (events: { time: number; timeEnd: number }[]) =>
  events.map((e) => ({ time: e.time, timeEnd: e.timeEnd }));

// grafana/grafana packages/grafana-prometheus/src/annotations.test.ts, "processEvents". That
// file mocks processEvents itself, so its expectations are data rather than checks; where two
// of them disagree with Grafana's own processEvents (annotations.ts), the code's answer is the
// one Grafana users see, and is the one kept here (marked "Grafana's code").
describe('promAnnotationEvents: Grafana annotations.test.ts cases', () => {
  it('processes a single frame into one region with title, text and tags', () => {
    const events = promAnnotationEvents(
      source({ tagKeys: 'instance', titleFormat: '{{instance}}', textFormat: 'value: {{value}}' }),
      [series([1000, 2000], [1, 1], { instance: 'server1', value: '100' })],
      60_000,
    );
    expect(events).toEqual([
      {
        source: 0,
        time: 1000,
        timeEnd: 2000,
        title: 'server1',
        text: 'value: 100',
        tags: ['server1'],
        color: 'red',
      },
    ]);
  });

  it('handles multiple frames, one event each, tags from their own labels', () => {
    const events = promAnnotationEvents(
      source({ tagKeys: 'app' }),
      [
        series([1000, 2000], [1, 1], { app: 'app1' }),
        series([3000, 4000], [1, 1], { app: 'app2' }),
      ],
      60_000,
    );
    expect(events.map((e) => ({ ...span([e])[0], tags: e.tags, title: e.title }))).toEqual([
      { time: 1000, timeEnd: 2000, tags: ['app1'], title: '' },
      { time: 3000, timeEnd: 4000, tags: ['app2'], title: '' },
    ]);
  });

  it("groups events within step intervals (Grafana's code: one region)", () => {
    // The test file expects [1000–2000, 60000–120000]; Grafana's code compares each point to
    // the last one plus the step (2000 + 60000 ≥ 60000), so all four are one region.
    const events = promAnnotationEvents(
      source(),
      [series([1000, 2000, 60_000, 120_000], [1, 1, 1, 1])],
      60_000,
    );
    expect(span(events)).toEqual([{ time: 1000, timeEnd: 120_000 }]);
  });

  it('uses the value as the time with useValueForTime', () => {
    const events = promAnnotationEvents(
      source({ useValueForTime: true }),
      [series([1000, 2000], ['3000', '4000'])],
      60_000,
    );
    expect(span(events)).toEqual([{ time: 3000, timeEnd: 4000 }]);
  });

  it("leaves zero values out (Grafana's code: the active points merge across the gap)", () => {
    // The test file expects [1000, 3000] apart; 1000 + 60000 ≥ 3000 in Grafana's code.
    const events = promAnnotationEvents(
      source(),
      [series([1000, 2000, 3000, 4000], [1, 0, 1, 0])],
      60_000,
    );
    expect(span(events)).toEqual([{ time: 1000, timeEnd: 3000 }]);
  });

  it('handles an empty frame', () => {
    expect(promAnnotationEvents(source(), [{ metric: {} }], 60_000)).toEqual([]);
    expect(promAnnotationEvents(source(), [], 60_000)).toEqual([]);
  });

  it('handles inactive regions with gaps', () => {
    const m = 60_000;
    const events = promAnnotationEvents(
      source(),
      [series([2 * m, 3 * m, 5 * m, 6 * m, 7 * m, 8 * m, 9 * m], [1, 1, 1, 1, 1, 0, 1])],
      m,
    );
    expect(span(events)).toEqual([
      { time: 120_000, timeEnd: 180_000 },
      { time: 300_000, timeEnd: 420_000 },
      { time: 540_000, timeEnd: 540_000 },
    ]);
  });

  it('handles a single region', () => {
    const events = promAnnotationEvents(source(), [series([120_000, 180_000], [1, 1])], 60_000);
    expect(span(events)).toEqual([{ time: 120_000, timeEnd: 180_000 }]);
  });

  it('groups by a larger step', () => {
    const t = [1, 2, 3, 4, 5, 6].map((k) => k * 120_000);
    const v = [1, 1, 0, 0, 1, 1];
    expect(span(promAnnotationEvents(source(), [series(t, v)], 60_000))).toEqual([
      { time: 120_000, timeEnd: 120_000 },
      { time: 240_000, timeEnd: 240_000 },
      { time: 600_000, timeEnd: 600_000 },
      { time: 720_000, timeEnd: 720_000 },
    ]);
    expect(span(promAnnotationEvents(source(), [series(t, v)], 120_000))).toEqual([
      { time: 120_000, timeEnd: 240_000 },
      { time: 600_000, timeEnd: 720_000 },
    ]);
  });
});

describe('promAnnotationEvents: Promscope', () => {
  it('treats NaN and negative values as inactive', () => {
    const events = promAnnotationEvents(
      source(),
      [series([1000, 2000, 3000], ['NaN', '-1', '+Inf'])],
      1000,
    );
    expect(span(events)).toEqual([{ time: 3000, timeEnd: 3000 }]);
  });

  it('keeps markup in labels as characters', () => {
    const [e] = promAnnotationEvents(
      source({ titleFormat: '{{job}}', textFormat: 'at {{ instance }}' }),
      [series([1000], [1], { job: '<img src=x onerror=alert(1)>', instance: '<b>a</b>' })],
      1000,
    );
    expect(e!.title).toBe('<img src=x onerror=alert(1)>');
    expect(e!.text).toBe('at <b>a</b>');
  });
});

describe('renderFormat and tagKeyList', () => {
  it("fills labels and keeps the name of a missing one, as Grafana's renderLegendFormat", () => {
    expect(renderFormat('{{job}} on {{ instance }}', { job: 'api' })).toBe('api on instance');
    expect(renderFormat('{{constructor}}', {})).toBe('constructor');
    expect(renderFormat('plain', { a: 'b' })).toBe('plain');
  });

  it('splits tag keys on commas, trimming spaces', () => {
    expect(tagKeyList('job, instance,,')).toEqual(['job', 'instance']);
    expect(tagKeyList('')).toEqual([]);
  });
});

describe('alertEvents: the built-in entry from ALERTS', () => {
  const grid = { start: 0, end: 600, step: 60 }; // unix s: 11 points
  const at = (...ks: number[]) => ks.map((k) => k * 60 * 1000);
  const alert = (state: string, ks: number[], extra = {}): RangeSeries => ({
    metric: { __name__: 'ALERTS', alertname: 'HighLatency', alertstate: state, ...extra },
    values: ks.map((k) => [k * 60, '1']),
  });

  it('marks each change: inactive → pending → firing → inactive', () => {
    const events = alertEvents(
      source({ index: 3 }),
      [
        alert('pending', [2, 3], { job: 'api', severity: 'page' }),
        alert('firing', [4, 5, 6], { job: 'api', severity: 'page' }),
      ],
      grid,
    );
    expect(events.map((e) => [e.time, e.text, e.color])).toEqual([
      [at(2)[0], 'Inactive → Pending', ALERT_COLORS.pending],
      [at(4)[0], 'Pending → Firing', ALERT_COLORS.firing],
      [at(7)[0], 'Firing → Inactive', ALERT_COLORS.inactive],
    ]);
    expect(events[0]).toMatchObject({
      source: 3,
      title: 'HighLatency',
      tags: ['job=api', 'severity=page'],
      timeEnd: at(2)[0],
    });
  });

  it('draws nothing for a state held since before the range', () => {
    const always = alert('firing', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(alertEvents(source(), [always], grid)).toEqual([]);
  });

  it('keeps alerts with other labels apart, in time order', () => {
    const events = alertEvents(
      source(),
      [alert('firing', [5, 6], { instance: 'b' }), alert('firing', [3], { instance: 'a' })],
      grid,
    );
    expect(events.map((e) => [e.time, e.tags[0], e.text])).toEqual([
      [at(3)[0], 'instance=a', 'Inactive → Firing'],
      [at(4)[0], 'instance=a', 'Firing → Inactive'],
      [at(5)[0], 'instance=b', 'Inactive → Firing'],
      [at(7)[0], 'instance=b', 'Firing → Inactive'],
    ]);
  });

  it('ignores series without a known alertstate and a broken grid', () => {
    const odd: RangeSeries = { metric: { alertstate: 'weird' }, values: [[60, '1']] };
    expect(alertEvents(source(), [odd], grid)).toEqual([]);
    expect(alertEvents(source(), [alert('firing', [3])], { start: 0, end: 600, step: 0 })).toEqual(
      [],
    );
  });
});

describe('showsOnPanel (Grafana filter.exclude / filter.ids)', () => {
  it.each([
    [undefined, 4, true],
    [{ exclude: false, ids: [4] }, 4, true],
    [{ exclude: false, ids: [4] }, 5, false],
    [{ exclude: true, ids: [4] }, 4, false],
    [{ exclude: true, ids: [4] }, 5, true],
  ])('%j on panel %i → %s', (filter, id, shown) => {
    expect(showsOnPanel(filter, id)).toBe(shown);
  });
});

describe('placeAnnotations', () => {
  const e = (time: number, timeEnd = time, source = 0) => ({
    source,
    time,
    timeEnd,
    title: '',
    text: '',
    tags: [],
    color: 'red',
  });

  it('places markers and clips regions to the plot', () => {
    const placed = placeAnnotations([e(500), e(-100, 250), e(900, 2000), e(-5, -1)], 0, 1000, 200);
    expect(placed.map((p) => [p.left, p.right])).toEqual([
      [100, 100],
      [0, 50],
      [180, 200],
    ]);
  });

  it('gives each entry its own lane with multiLane', () => {
    const placed = placeAnnotations([e(100, 100, 2), e(200, 200, 5)], 0, 1000, 100, [5, 2]);
    expect(placed.map((p) => p.lane)).toEqual([1, 0]);
  });

  it('places nothing on an empty scale', () => {
    expect(placeAnnotations([e(1)], 5, 5, 100)).toEqual([]);
  });
});
