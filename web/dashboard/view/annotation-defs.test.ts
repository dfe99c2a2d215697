import { describe, expect, it } from 'vitest';
import type { Datasource } from '../../api/server.ts';
import { multiLane } from '../../chart/annotation-types.ts';
import type { ScopedVariable } from '../../variables/format.ts';
import {
  ALERTS_EXPR,
  enabledAnnotations,
  readAnnotation,
  readAnnotations,
} from './annotation-defs.ts';
import { eventsOf, planAnnotation } from './annotation-plan.ts';

// The built-in entry as every Grafana export carries it.
const BUILT_IN = {
  builtIn: 1,
  datasource: { type: 'grafana', uid: '-- Grafana --' },
  enable: true,
  hide: true,
  iconColor: 'rgba(0, 211, 255, 1)',
  name: 'Annotations & Alerts',
  type: 'dashboard',
};

const PROM = {
  datasource: { type: 'prometheus', uid: 'prometheus' },
  enable: true,
  expr: 'changes(up{job="$job"}[5m]) > 0',
  step: '30s',
  iconColor: 'red',
  name: 'Restarts',
  titleFormat: '{{job}}',
  textFormat: 'restarted on {{instance}}',
  tagKeys: 'job,instance',
  useValueForTime: false,
  hide: false,
  filter: { exclude: true, ids: [3] },
};

describe('readAnnotations', () => {
  it('reads a Prometheus entry as Grafana writes it', () => {
    const [def] = readAnnotations({ list: [PROM] });
    expect(def).toMatchObject({
      index: 0,
      name: 'Restarts',
      color: '#F2495C',
      expr: 'changes(up{job="$job"}[5m]) > 0',
      step: '30s',
      titleFormat: '{{job}}',
      textFormat: 'restarted on {{instance}}',
      tagKeys: 'job,instance',
      builtIn: false,
      enable: true,
      hide: false,
      filter: { exclude: true, ids: [3] },
    });
    expect(def!.unsupported).toBeUndefined();
  });

  it('reads the built-in entry as a query of ALERTS', () => {
    const def = readAnnotation(BUILT_IN, 0);
    expect(def).toMatchObject({ builtIn: true, expr: ALERTS_EXPR, enable: true, hide: true });
    expect(def.unsupported).toBeUndefined();
  });

  it('prefers target.expr and target.interval when set (Grafana prepareAnnotation)', () => {
    const def = readAnnotation(
      { ...PROM, target: { expr: 'up', interval: '1m', refId: 'Anno' } },
      2,
    );
    expect([def.expr, def.step, def.index]).toEqual(['up', '1m', 2]);
    const empty = readAnnotation({ ...PROM, target: { expr: '', refId: '' } }, 0);
    expect([empty.expr, empty.step]).toEqual([PROM.expr, '30s']);
  });

  it('is off unless enable is true, and names what it cannot draw', () => {
    expect(readAnnotation({ ...PROM, enable: undefined }, 0).enable).toBe(false);
    expect(
      readAnnotation({ name: 'x', datasource: { type: 'loki', uid: 'l' }, expr: 'a' }, 0),
    ).toMatchObject({ unsupported: 'datasource type "loki" is not supported' });
    expect(
      readAnnotation({ name: 'deploys', datasource: '-- Grafana --', type: 'tags' }, 0).unsupported,
    ).toMatch(/annotation store/);
    expect(readAnnotation({ name: 'x', datasource: 'prometheus' }, 0).unsupported).toBe('no query');
  });

  it('survives JSON of any shape', () => {
    for (const raw of [null, 1, 'x', [], { list: 'no' }, { list: [null, 3, 'a'] }]) {
      expect(() => readAnnotations(raw)).not.toThrow();
    }
    expect(readAnnotation({ iconColor: 'javascript:alert(1)', expr: 'up' }, 0).color).toBe(
      'rgba(0, 211, 255, 1)',
    );
  });

  it('reads an unknown colour, a string useValueForTime and a filter without ids', () => {
    const def = readAnnotation({ ...PROM, useValueForTime: 'true', filter: { exclude: false } }, 0);
    expect(def.useValueForTime).toBe(true);
    expect(def.filter).toEqual({ exclude: false, ids: [] });
  });
});

describe('enabledAnnotations', () => {
  const defs = readAnnotations({
    list: [PROM, { ...PROM, enable: false }, BUILT_IN, { name: 'bad', datasource: 'x' }],
  });

  it('follows enable, then the toggles, and leaves out what cannot be drawn', () => {
    expect(enabledAnnotations(defs, new Map()).map((d) => d.index)).toEqual([0, 2]);
    const toggled = new Map([
      [0, false],
      [1, true],
      [3, true],
    ]);
    expect(enabledAnnotations(defs, toggled).map((d) => d.index)).toEqual([1, 2]);
  });
});

describe('multiLane', () => {
  it('reads options.annotations.multiLane', () => {
    expect(multiLane({ annotations: { multiLane: true } })).toBe(true);
    expect(multiLane({ annotations: {} })).toBe(false);
    expect(multiLane(undefined)).toBe(false);
  });
});

describe('planAnnotation', () => {
  const ds = (uid: string, timeInterval = '15s'): Datasource => ({
    uid,
    name: uid,
    type: 'prometheus',
    access: 'proxy',
    url: `http://${uid}:9090`,
    isDefault: false,
    readOnly: false,
    jsonData: { timeInterval, incrementalQueryOverlapWindow: '600s' },
  });
  const main = ds('prometheus');
  const other = ds('other', '30s');
  const scope = new Map<string, ScopedVariable>([
    ['job', { values: ['api'], text: 'api', regex: false } as ScopedVariable],
  ]);
  const hour = { start: 1_700_000_000_000, end: 1_700_003_600_000 };

  it('interpolates variables and uses the step as the min step', () => {
    const plan = planAnnotation(readAnnotation(PROM, 0), scope, [main, other], other, hour, 1200);
    expect(plan.error).toBeUndefined();
    expect(plan.dsUid).toBe('prometheus');
    expect(plan.query).toMatchObject({
      refId: 'Anno0',
      expr: 'changes(up{job="api"}[5m]) > 0',
      step: 30,
      instant: false,
    });
    expect(plan.query!.start % 30).toBe(0);
  });

  it('sends the built-in entry to the selected datasource', () => {
    const plan = planAnnotation(
      readAnnotation(BUILT_IN, 1),
      scope,
      [main, other],
      other,
      hour,
      1200,
    );
    expect(plan.dsUid).toBe('other');
    expect(plan.query!.expr).toBe('ALERTS');
  });

  it('takes the step from the range and width when none is written', () => {
    const plan = planAnnotation(
      readAnnotation({ ...PROM, step: '' }, 0),
      scope,
      [main],
      main,
      { start: 0, end: 7 * 86_400_000 },
      1000,
    );
    expect(plan.query!.step).toBe(600); // 7 d / 1000 px, rounded as Grafana rounds: 10 m
  });

  it('says why an entry is not queried', () => {
    const missing = readAnnotation({ ...PROM, datasource: { uid: 'gone' } }, 0);
    expect(planAnnotation(missing, scope, [main], main, hour, 1000).error).toMatch(/gone/);
    const loki = readAnnotation({ ...PROM, datasource: { type: 'loki', uid: 'l' } }, 0);
    expect(planAnnotation(loki, scope, [main], main, hour, 1000).error).toMatch(/loki/);
  });
});

describe('the built-in entry against a Prometheus answer for ALERTS', () => {
  // A query_range answer as Prometheus 2 writes it for `ALERTS` over 10 minutes at a 60 s step:
  // PromscopeAlwaysFiring pending for two steps then firing; a second alert firing throughout
  // (it began before the range: no marker), and one resolved at 09:06.
  const answer = JSON.parse(`{
    "status": "success",
    "data": {
      "resultType": "matrix",
      "result": [
        {"metric": {"__name__": "ALERTS", "alertname": "PromscopeAlwaysFiring",
                    "alertstate": "pending", "severity": "none"},
         "values": [[1764925320, "1"], [1764925380, "1"]]},
        {"metric": {"__name__": "ALERTS", "alertname": "PromscopeAlwaysFiring",
                    "alertstate": "firing", "severity": "none"},
         "values": [[1764925440, "1"], [1764925500, "1"], [1764925560, "1"],
                    [1764925620, "1"], [1764925680, "1"], [1764925740, "1"], [1764925800, "1"]]},
        {"metric": {"__name__": "ALERTS", "alertname": "Watchdog", "alertstate": "firing"},
         "values": [[1764925200, "1"], [1764925260, "1"], [1764925320, "1"], [1764925380, "1"],
                    [1764925440, "1"], [1764925500, "1"], [1764925560, "1"], [1764925620, "1"],
                    [1764925680, "1"], [1764925740, "1"], [1764925800, "1"]]},
        {"metric": {"__name__": "ALERTS", "alertname": "DiskFull", "alertstate": "firing",
                    "instance": "<b>db</b>"},
         "values": [[1764925200, "1"], [1764925260, "1"], [1764925320, "1"],
                    [1764925380, "1"], [1764925440, "1"], [1764925500, "1"]]}
      ]
    }
  }`);
  const grid = { start: 1764925200, end: 1764925800, step: 60 };

  it('draws one marker per change of state, in time order', () => {
    const def = readAnnotation(BUILT_IN, 0);
    const events = eventsOf(def, answer.data.result, grid);
    expect(events.map((e) => [e.time / 1000 - grid.start, e.title, e.text, e.tags])).toEqual([
      [120, 'PromscopeAlwaysFiring', 'Inactive → Pending', ['severity=none']],
      [240, 'PromscopeAlwaysFiring', 'Pending → Firing', ['severity=none']],
      [360, 'DiskFull', 'Firing → Inactive', ['instance=<b>db</b>']],
    ]);
    expect(events.every((e) => e.time === e.timeEnd && e.source === 0)).toBe(true);
  });

  it('reads the same answer as regions for a query entry on ALERTS', () => {
    const def = readAnnotation({ ...PROM, expr: 'ALERTS', titleFormat: '{{alertname}}' }, 1);
    const events = eventsOf(def, answer.data.result, grid);
    expect(
      events.map((e) => [e.title, e.time / 1000 - grid.start, e.timeEnd / 1000 - grid.start]),
    ).toEqual([
      ['PromscopeAlwaysFiring', 120, 180],
      ['PromscopeAlwaysFiring', 240, 600],
      ['Watchdog', 0, 600],
      ['DiskFull', 0, 300],
    ]);
  });
});
