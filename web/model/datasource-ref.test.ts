import { describe, expect, it } from 'vitest';
import type { Datasource } from '../api/server.ts';
import { lookupDatasource, queryDatasources, resolveDatasource } from './datasource-ref.ts';
import type { Target } from './model.ts';

const ds = (uid: string, name: string, timeInterval = '15s'): Datasource => ({
  uid,
  name,
  type: 'prometheus',
  access: 'proxy',
  url: `http://${uid}:9090`,
  isDefault: false,
  readOnly: false,
  jsonData: { timeInterval, incrementalQueryOverlapWindow: '600s' },
});
const main = ds('prometheus', 'Prometheus');
const other = ds('prom-1', 'Staging', '30s');
const known = [main, other];

describe('resolveDatasource', () => {
  it('uses the selected datasource for variables and missing references', () => {
    for (const ref of [
      undefined,
      null,
      {},
      { type: 'prometheus' },
      'default',
      '${datasource}',
      '$datasource',
      { uid: '${datasource}' },
      '[[datasource]]',
    ]) {
      expect(resolveDatasource(ref, known, other)).toBe(other);
    }
  });

  it('follows a fixed reference by uid (Grafana 8+) or by name (older JSON)', () => {
    expect(resolveDatasource({ type: 'prometheus', uid: 'prom-1' }, known, main)).toBe(other);
    expect(resolveDatasource('Staging', known, main)).toBe(other);
    expect(resolveDatasource({ uid: 'Staging' }, known, main)).toBe(other);
  });
});

// Transcribed from Grafana's public/app/features/plugins/tests/datasource_srv.test.ts, "when
// getting instance settings": its datasources mmm (uid uid-code-mmm), BBB (the default, uid
// uid-code-BBB), DDDD (uid uid-code-DDDD); the `datasource` variable's value is the
// datasource itself, as web/variables gives it (a uid), so `${datasource}` is what it holds.
describe('datasource_srv.test.ts "when getting instance settings"', () => {
  const mmm = ds('uid-code-mmm', 'mmm');
  const bbb = ds('uid-code-BBB', 'BBB');
  const dddd = ds('uid-code-DDDD', 'DDDD');
  const all = [mmm, bbb, dddd];

  it('should work by name or uid', () => {
    expect(lookupDatasource('mmm', all, bbb).ds).toBe(mmm);
    expect(lookupDatasource('uid-code-mmm', all, bbb).ds).toBe(mmm);
    expect(lookupDatasource({ uid: 'uid-code-mmm' }, all, bbb).ds).toBe(mmm);
  });

  it('default and null are the default datasource', () => {
    expect(lookupDatasource('default', all, bbb).ds).toBe(bbb);
    expect(lookupDatasource(null, all, bbb).ds).toBe(bbb);
  });

  it('should work with variable by ds value (uid)', () => {
    // ${datasourceByUid} after interpolation (web/variables/apply.ts) is uid-code-DDDD.
    expect(lookupDatasource('uid-code-DDDD', all, bbb).ds).toBe(dddd);
  });

  it('should throw error if data source is not found: here an error naming it', () => {
    expect(lookupDatasource('not-found', all, bbb)).toEqual({
      error: 'datasource "not-found" is not configured in Promscope',
    });
  });
});

describe('lookupDatasource: a reference that matches nothing is an error naming it', () => {
  it.each([
    ['Prometheus-EU', 'datasource "Prometheus-EU" is not configured in Promscope'],
    [{ uid: 'P1809F7CD0C75ACF3' }, 'datasource "P1809F7CD0C75ACF3" is not configured in Promscope'],
    [{ type: 'loki', uid: 'logs' }, 'datasource "logs" (loki) is not configured in Promscope'],
    ['$ds', 'datasource variable "$ds" has no value'],
    ['-- Dashboard --', 'datasource "-- Dashboard --" (another panel\'s results) is not supported'],
    [
      { type: 'datasource', uid: 'grafana' },
      'datasource "grafana" (Grafana\'s built-in test data) is not supported',
    ],
  ])('%j', (ref, error) => {
    expect(lookupDatasource(ref, known, main)).toEqual({ error });
  });
});

const t = (refId: string, datasource?: Target['datasource'], hide?: boolean): Target => ({
  refId,
  expr: 'up',
  ...(datasource !== undefined ? { datasource } : {}),
  ...(hide ? { hide } : {}),
});

describe('queryDatasources', () => {
  it('sends every query of a panel to the panel datasource', () => {
    const q = queryDatasources({ datasource: 'Staging', targets: [t('A'), t('B')] }, known, main);
    expect(q).toEqual({
      ds: other,
      byRef: { A: 'prom-1', B: 'prom-1' },
      errors: [],
      scrapeIntervalS: 30,
    });
  });

  it('sends nothing for a panel whose datasource is not found, and says which', () => {
    const q = queryDatasources({ datasource: { uid: 'gone' }, targets: [t('A')] }, known, main);
    expect(q.byRef).toEqual({});
    expect(q.errors).toEqual(['datasource "gone" is not configured in Promscope']);
  });

  it('sends each query of a Mixed panel to its own datasource, the default when it has none', () => {
    for (const mixed of [
      '-- Mixed --',
      { uid: '-- Mixed --' },
      { type: 'datasource', uid: '-- Mixed --' },
    ]) {
      const q = queryDatasources(
        {
          datasource: mixed,
          targets: [
            t('A', 'Staging'),
            t('B', { type: 'prometheus', uid: 'prometheus' }),
            t('C'),
            t('D', { uid: 'gone' }),
            t('E', 'hidden-gone', true),
          ],
        },
        known,
        main,
      );
      expect(q.byRef).toEqual({ A: 'prom-1', B: 'prometheus', C: 'prometheus' });
      expect(q.errors).toEqual(['D: datasource "gone" is not configured in Promscope']);
      expect(q.scrapeIntervalS).toBe(30);
    }
  });

  it("a panel on the default whose queries name a datasource asks theirs (Grafana's schema 36)", () => {
    const q = queryDatasources({ targets: [t('A', 'Staging')] }, known, main);
    expect(q.byRef).toEqual({ A: 'prom-1' });
  });
});
