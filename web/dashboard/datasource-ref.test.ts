import { describe, expect, it } from 'vitest';
import type { Datasource } from '../api/server.ts';
import { resolveDatasource } from './datasource-ref.ts';

const ds = (uid: string, name: string): Datasource => ({
  uid,
  name,
  type: 'prometheus',
  access: 'proxy',
  url: `http://${uid}:9090`,
  isDefault: false,
  readOnly: false,
  jsonData: { timeInterval: '15s', incrementalQueryOverlapWindow: '600s' },
});
const main = ds('prometheus', 'Prometheus');
const other = ds('prom-1', 'Staging');
const known = [main, other];

describe('resolveDatasource', () => {
  it('uses the selected datasource for variables and missing references', () => {
    for (const ref of [
      undefined,
      null,
      {},
      { type: 'prometheus' },
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
  });

  it('falls back to the selected datasource for one this server does not know', () => {
    expect(resolveDatasource({ uid: 'P1809F7CD0C75ACF3' }, known, main)).toBe(main);
  });
});
